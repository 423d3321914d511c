// The signed-in staff session, kept in localStorage so a reload keeps the user signed in.
// Citizens never sign in: they hold tracking codes and secrets (see citizen-cases.ts).

export type Role =
  | 'ADMINISTRATOR'
  | 'API_CLIENT'
  | 'CITIZEN'
  | 'COMMAND_OPERATOR'
  | 'COURT'
  | 'LEADER'
  | 'MEDIATION_COMMITTEE'
  | 'POLICE'
  | 'PROCURATORATE'
  | 'RECEPTION_CLERK'
  | 'SUPERVISOR'
  | 'UNIT_STAFF';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  regionCode: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'ykb.session';
const listeners = new Set<(s: Session | null) => void>();

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const l of listeners) l(session);
}

export function onSessionChange(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
