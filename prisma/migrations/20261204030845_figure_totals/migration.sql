-- CreateTable
CREATE TABLE "FigureTotal" (
    "key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "regionId" UUID NOT NULL,
    "pduId" UUID,
    "managedBy" "ManagedBy" NOT NULL,
    "band" TEXT,
    "gender" "Gender",
    "ethnicity" TEXT,
    "n" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "x" DECIMAL NOT NULL,
    "y" DECIMAL NOT NULL,

    CONSTRAINT "FigureTotal_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "FigureTotal_regionId_source_idx" ON "FigureTotal"("regionId", "source");

-- The totals start empty: forget the facts' state, so the next reader rebuilds the facts and the totals together.
DELETE FROM "FigureFactState";
