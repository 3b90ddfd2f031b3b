/** Says plainly that no real money moves; shown on every screen in demo mode. */
export function DemoBanner({ text, className }: { readonly text: string; readonly className: string }) {
  return (
    <div className={className} data-testid="demo-banner" role="note">
      {text}
    </div>
  );
}
