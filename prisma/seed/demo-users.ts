// The demo sign-ins of docs/domain.md §7. They exist only in a demo database (created by
// seedDemo), never by the reference-data seed. `npm run demo` prints this list.
import type { Gender, UserRole } from "@/generated/prisma/enums";

export const DEMO_PASSWORD = "demo-password-1";

export type DemoSignIn = {
  email: string;
  name: string;
  role: UserRole;
  /** Region code; null for national leads and administrators. */
  regionCode: string | null;
  gender: Gender;
  description: string;
};

export const DEMO_SIGN_INS: readonly DemoSignIn[] = [
  {
    email: "coordinator@demo.test",
    name: "Priya Shah",
    role: "COORDINATOR",
    regionCode: "LON",
    gender: "FEMALE",
    description: "Placement coordinator, London",
  },
  {
    email: "supervisor@demo.test",
    name: "Dean Mitchell",
    role: "SUPERVISOR",
    regionCode: "LON",
    gender: "MALE",
    description: "Supervisor, London (has sessions today)",
  },
  {
    email: "manager@demo.test",
    name: "Grace Adeyemi",
    role: "MANAGER",
    regionCode: "LON",
    gender: "FEMALE",
    description: "Regional manager, London",
  },
  {
    email: "manager.wales@demo.test",
    name: "Rhys Llewellyn",
    role: "MANAGER",
    regionCode: "WAL",
    gender: "MALE",
    description: "Regional manager, Wales",
  },
  {
    email: "national@demo.test",
    name: "Helen Carter",
    role: "NATIONAL_LEAD",
    regionCode: null,
    gender: "FEMALE",
    description: "National lead (read only, all regions)",
  },
  {
    email: "admin@demo.test",
    name: "Tom Whitfield",
    role: "ADMIN",
    regionCode: null,
    gender: "MALE",
    description: "Administrator",
  },
];
