/** `npm run dev`: like the demo, but the Next.js development server with hot reload. */
import { runApp } from "./lib/run-app";

void runApp("dev");
