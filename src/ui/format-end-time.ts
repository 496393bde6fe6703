// How the end of a sign-in reads: "5:45pm", London time (GOV.UK style for times).
const TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});

export const formatEndTime = (endsAt: Date): string => TIME.format(endsAt).replace(/\s/g, "").toLowerCase();
