/** An h1 with an optional caption above it ("London", "Case X123456"). */
export function PageHeading({ caption, children }: { caption?: string; children: React.ReactNode }) {
  return (
    <>
      {caption && <span className="caption mb-1">{caption}</span>}
      <h1>{children}</h1>
    </>
  );
}
