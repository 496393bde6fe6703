// Its own module so the app shell's FlashBanner does not pull the form error summary into every page.

/** GOV.UK notification banner, success variant. */
export function SuccessBanner({ children, title = "Success" }: { children: React.ReactNode; title?: string }) {
  return (
    <div role="status" aria-labelledby="success-banner-title" className="mb-8 border-[5px] border-success">
      <h2 id="success-banner-title" className="m-0 bg-success px-4 py-1 text-base font-bold text-white">
        {title}
      </h2>
      <div className="p-4 text-lg font-bold">{children}</div>
    </div>
  );
}
