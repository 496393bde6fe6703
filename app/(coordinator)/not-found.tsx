// Inside the app shell, which already provides <main>.
export { NotFoundContent as default } from "@/ui/not-found-content";
