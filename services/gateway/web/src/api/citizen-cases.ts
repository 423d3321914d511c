// The citizen's own cases on this device: the tracking code and secret handed out at submission,
// so "follow my grievance" is one tap later. Nothing else about the citizen is stored.
export interface CitizenCase {
  trackingCode: string;
  secret: string;
  savedAt: string;
}

const KEY = 'ykb.myCases';

export function myCases(): CitizenCase[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as CitizenCase[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function rememberCase(trackingCode: string, secret: string): void {
  const rest = myCases().filter((c) => c.trackingCode !== trackingCode);
  localStorage.setItem(KEY, JSON.stringify([{ trackingCode, secret, savedAt: new Date().toISOString() }, ...rest].slice(0, 20)));
}

export function forgetCase(trackingCode: string): void {
  localStorage.setItem(KEY, JSON.stringify(myCases().filter((c) => c.trackingCode !== trackingCode)));
}
