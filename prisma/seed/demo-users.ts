// The demo sign-ins of domain §7. They exist only in the demo seed, never in a real installation.
export const DEMO_PASSWORD = "demo-password-1";

export const DEMO_SIGN_INS = [
  { email: "coordinator@demo.test", role: "COORDINATOR", regionCode: "LON", description: "Placement coordinator, London" },
  { email: "supervisor@demo.test", role: "SUPERVISOR", regionCode: "LON", description: "Supervisor, London" },
  { email: "manager@demo.test", role: "MANAGER", regionCode: "LON", description: "Regional manager, London" },
  { email: "manager.wales@demo.test", role: "MANAGER", regionCode: "WAL", description: "Regional manager, Wales" },
  { email: "national@demo.test", role: "NATIONAL_LEAD", regionCode: null, description: "National lead, all regions (read only)" },
  { email: "admin@demo.test", role: "ADMIN", regionCode: null, description: "Administrator" },
] as const;
