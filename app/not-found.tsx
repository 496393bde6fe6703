import { NotFoundContent } from "@/ui/not-found-content";

export default function NotFound() {
  return (
    <div className="width-container">
      <main id="main-content" tabIndex={-1} className="py-10 outline-none">
        <NotFoundContent />
      </main>
    </div>
  );
}
