// Date and time of a token event in London time, e.g. "23 Nov 2026, 11:02".
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/London",
});

export const formatDateTime = (value: Date | string | null): string =>
  value ? DATE_TIME.format(new Date(value)) : "Never";
