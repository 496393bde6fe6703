import { buildServiceWorker, serviceWorkerOutput } from "./lib/build-service-worker";

// npm run build:sw — also run by `npm run build` and by buildApp (scripts/lib/app-server.ts).
buildServiceWorker();
console.log(`Service worker written to ${serviceWorkerOutput}`);
