import { meRoute } from "@/server/api/contracts/me";
import { apiRoute } from "@/server/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute(meRoute, async ({ user }) => ({
  ok: true,
  value: { id: user.id, email: user.email, name: user.name, role: user.role, region: user.regionCode },
}));
