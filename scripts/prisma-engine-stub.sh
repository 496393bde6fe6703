#!/bin/sh
# The Prisma CLI wants a native schema engine downloaded from outside npm, which this
# network cannot reach. `prisma generate` does not need it, so point the CLI at this stub.
# Migrations run through @prisma/schema-engine-wasm instead (scripts/db/migrate.ts).
exit 1
