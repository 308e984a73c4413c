/** Where a shopper follows a parcel, for the carriers German shops ship with; other carriers get no link. */
const TRACKING: Record<string, (number: string) => string> = {
  dhl: (n) => `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${n}`,
  dpd: (n) => `https://tracking.dpd.de/status/de_DE/parcel/${n}`,
  hermes: (n) => `https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#${n}`,
  gls: (n) => `https://gls-group.com/DE/de/paketverfolgung?match=${n}`,
  ups: (n) => `https://www.ups.com/track?loc=de_DE&tracknum=${n}`,
  'deutsche post': (n) => `https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode=${n}`,
};

export function trackingUrl(carrier: string, number: string): string | undefined {
  const link = TRACKING[carrier.trim().toLowerCase()];
  return link ? link(encodeURIComponent(number.trim())) : undefined;
}
