import type { PartyRole } from './handoff.types';

/** 签名、盖章或者按指印; online mediation uses electronic signatures (在线调解规则 Art 19). */
export const SIGNATURE_METHODS = ['e_signature', 'handwritten', 'seal', 'fingerprint'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export interface AgreementParty {
  partyId: string;
  name: string;
  role: PartyRole;
}

export interface PartySignature {
  partyId: string;
  signedAt: string;
  method: SignatureMethod;
}

/** 调解协议书 with the contents 人民调解法 Art 29 requires. Instants are ISO-8601 strings. */
export interface MediationAgreement {
  id: string;
  /** 当事人的基本情况 */
  parties: readonly AgreementParty[];
  /** 纠纷的主要事实、争议事项 */
  factsAndDispute: string;
  /** 各方当事人的责任 */
  responsibilities: string;
  /** 当事人达成调解协议的内容 */
  terms: readonly string[];
  /** 履行的方式、期限 */
  performance: { manner: string; deadline: string };
  mediator: { id: string; name: string };
  organisation: { orgCode: string; name: string };
  signatures: readonly PartySignature[];
}

export type AgreementErrorCode =
  | 'missing_field'
  | 'too_few_parties'
  | 'duplicate_party'
  | 'missing_signature'
  | 'unknown_signatory'
  | 'duplicate_signature'
  | 'invalid_signature_method'
  | 'invalid_date'
  | 'party_mismatch'
  | 'mediator_mismatch'
  | 'organisation_mismatch'
  | 'signed_in_future';

export interface AgreementError {
  code: AgreementErrorCode;
  /** Path of the offending field, e.g. `performance.manner` or `signatures[1].signedAt`. */
  field: string;
  partyId?: string;
  /** Chinese first, English after. */
  message: string;
}

const REQUIRED_TEXT: ReadonlyArray<{ field: string; zh: string; read: (a: MediationAgreement) => unknown }> = [
  { field: 'id', zh: '协议编号', read: (a) => a.id },
  { field: 'factsAndDispute', zh: '纠纷的主要事实、争议事项', read: (a) => a.factsAndDispute },
  { field: 'responsibilities', zh: '各方当事人的责任', read: (a) => a.responsibilities },
  { field: 'performance.manner', zh: '履行方式', read: (a) => a.performance?.manner },
  { field: 'mediator.id', zh: '调解员', read: (a) => a.mediator?.id },
  { field: 'mediator.name', zh: '调解员姓名', read: (a) => a.mediator?.name },
  { field: 'organisation.orgCode', zh: '调解组织', read: (a) => a.organisation?.orgCode },
  { field: 'organisation.name', zh: '调解组织名称', read: (a) => a.organisation?.name },
];

const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isInstant = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && !Number.isNaN(Date.parse(v));

function missing(field: string, zh: string): AgreementError {
  return { code: 'missing_field', field, message: `调解协议缺少${zh} (missing ${field})` };
}

/**
 * Every problem that keeps an agreement from taking effect; empty when it is complete and signed by
 * every party. Written defensively: the agreement comes from outside and may lack whole objects.
 */
export function validateAgreement(a: MediationAgreement): AgreementError[] {
  const errors: AgreementError[] = [];
  for (const f of REQUIRED_TEXT) if (!hasText(f.read(a))) errors.push(missing(f.field, f.zh));

  const terms: readonly unknown[] = Array.isArray(a.terms) ? a.terms : [];
  if (terms.length === 0 || !terms.every(hasText)) errors.push(missing('terms', '协议内容（各项约定）'));

  const deadline: unknown = a.performance?.deadline;
  if (!hasText(deadline)) errors.push(missing('performance.deadline', '履行期限'));
  else if (!isInstant(deadline)) errors.push({ code: 'invalid_date', field: 'performance.deadline', message: `履行期限不是有效日期 (performance deadline is not a date: ${deadline})` });

  const parties: readonly AgreementParty[] = Array.isArray(a.parties) ? a.parties : [];
  errors.push(...partyErrors(parties));
  errors.push(...signatureErrors(parties, Array.isArray(a.signatures) ? a.signatures : []));
  return errors;
}

function partyErrors(parties: readonly AgreementParty[]): AgreementError[] {
  const errors: AgreementError[] = [];
  if (parties.length < 2) errors.push({ code: 'too_few_parties', field: 'parties', message: '调解协议至少须有两方当事人 (an agreement needs at least two parties)' });
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    if (!hasText(p?.partyId)) errors.push(missing(`parties[${i}].partyId`, '当事人编号'));
    if (!hasText(p?.name)) errors.push(missing(`parties[${i}].name`, '当事人姓名或名称'));
    if (hasText(p?.partyId)) {
      if (seen.has(p.partyId)) errors.push({ code: 'duplicate_party', field: `parties[${i}].partyId`, partyId: p.partyId, message: `当事人重复列明 (party listed twice: ${p.partyId})` });
      seen.add(p.partyId);
    }
  });
  return errors;
}

/** 在线调解规则 Art 19/20: the agreement takes effect once every party has signed. */
function signatureErrors(parties: readonly AgreementParty[], signatures: readonly PartySignature[]): AgreementError[] {
  const errors: AgreementError[] = [];
  const partyIds = new Set(parties.map((p) => p?.partyId));
  const signed = new Set<string>();
  signatures.forEach((s, i) => {
    const field = `signatures[${i}]`;
    if (!partyIds.has(s?.partyId)) {
      errors.push({ code: 'unknown_signatory', field: `${field}.partyId`, partyId: s?.partyId, message: `签章人不是协议当事人 (signatory is not a party: ${String(s?.partyId)})` });
      return;
    }
    if (signed.has(s.partyId)) errors.push({ code: 'duplicate_signature', field: `${field}.partyId`, partyId: s.partyId, message: `当事人重复签章 (party signed twice: ${s.partyId})` });
    signed.add(s.partyId);
    if (!isInstant(s.signedAt)) errors.push({ code: 'invalid_date', field: `${field}.signedAt`, partyId: s.partyId, message: `签章时间无效 (signature time is not a date)` });
    if (!(SIGNATURE_METHODS as readonly string[]).includes(s.method)) {
      errors.push({ code: 'invalid_signature_method', field: `${field}.method`, partyId: s.partyId, message: `签章方式无效 (unknown signature method: ${String(s.method)})` });
    }
  });
  for (const p of parties) {
    if (hasText(p?.partyId) && !signed.has(p.partyId)) {
      errors.push({ code: 'missing_signature', field: 'signatures', partyId: p.partyId, message: `当事人${p.name ?? ''}尚未签章 (party ${p.partyId} has not signed)` });
    }
  }
  return errors;
}

/** When the agreement took effect: the last party's signature; null while it is incomplete or unsigned. */
export function agreementEffectiveAt(a: MediationAgreement): Date | null {
  if (validateAgreement(a).length > 0) return null;
  const last = Math.max(...a.signatures.map((s) => Date.parse(s.signedAt)));
  return new Date(last);
}

/** What the agreement must agree with: the handoff it concludes. */
export interface AgreementExpectations {
  partyIds: readonly string[];
  mediatorId: string | undefined;
  orgCode: string;
  now: Date;
}

/** Problems between a (valid) agreement and the handoff: other parties, mediator or organisation, future signatures. */
export function agreementMismatches(a: MediationAgreement, expected: AgreementExpectations): AgreementError[] {
  const errors: AgreementError[] = [];
  const listed = new Set((Array.isArray(a.parties) ? a.parties : []).map((p) => p?.partyId));
  const wanted = new Set(expected.partyIds);
  for (const id of wanted) {
    if (!listed.has(id)) errors.push({ code: 'party_mismatch', field: 'parties', partyId: id, message: `协议未列明本案当事人 (party ${id} of the handoff is missing)` });
  }
  for (const id of listed) {
    if (typeof id === 'string' && !wanted.has(id)) errors.push({ code: 'party_mismatch', field: 'parties', partyId: id, message: `协议列明了非本案当事人 (${id} is not a party to the handoff)` });
  }
  if (a.mediator?.id !== expected.mediatorId) {
    errors.push({ code: 'mediator_mismatch', field: 'mediator.id', message: '协议的调解员不是本案指定的调解员 (mediator is not the appointed one)' });
  }
  if (a.organisation?.orgCode !== expected.orgCode) {
    errors.push({ code: 'organisation_mismatch', field: 'organisation.orgCode', message: '协议的调解组织不是接收本案的组织 (organisation is not the receiving one)' });
  }
  (Array.isArray(a.signatures) ? a.signatures : []).forEach((s, i) => {
    if (isInstant(s?.signedAt) && Date.parse(s.signedAt) > expected.now.getTime()) {
      errors.push({ code: 'signed_in_future', field: `signatures[${i}].signedAt`, partyId: s.partyId, message: '签章时间晚于当前时间 (signature dated in the future)' });
    }
  });
  return errors;
}
