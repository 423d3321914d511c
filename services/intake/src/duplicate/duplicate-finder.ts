import { textSimilarity, SIMILAR_MATTER_THRESHOLD } from '../grievance/similarity';
import { distanceMetres } from './geo';

export interface DuplicateCandidate {
  id: string;
  trackingCode: string;
  categoryCode: string | null;
  description: string;
  latitude: number | null;
  longitude: number | null;
  receivedAt: Date;
}

export interface DuplicateSuggestion {
  id: string;
  trackingCode: string;
  distanceMetres: number | null;
  similarity: number;
  reasons: ('nearby' | 'similar_text')[];
}

export interface DuplicatePolicy {
  /** Radius per category code; `default` for the rest (metres). */
  radiusMetres: Record<string, number> & { default: number };
  textThreshold: number;
}

export const DEFAULT_DUPLICATE_POLICY: DuplicatePolicy = {
  // Noise and odour travel further than a broken street lamp.
  radiusMetres: { default: 250, noise: 500, odour: 800, air_pollution: 1000, water_pollution: 1000 },
  textThreshold: SIMILAR_MATTER_THRESHOLD,
};

/**
 * Suggestions for an operator: same category and within the category's radius, and/or
 * similar text. Best first: both reasons, then the more similar, then the nearer.
 */
export function suggestDuplicates(subject: DuplicateCandidate, candidates: DuplicateCandidate[], policy: DuplicatePolicy = DEFAULT_DUPLICATE_POLICY): DuplicateSuggestion[] {
  const radius = (subject.categoryCode && policy.radiusMetres[subject.categoryCode]) || policy.radiusMetres.default;
  const out: DuplicateSuggestion[] = [];
  for (const c of candidates) {
    if (c.id === subject.id) continue;
    if (subject.categoryCode && c.categoryCode && c.categoryCode !== subject.categoryCode) continue;
    const distance =
      subject.latitude !== null && subject.longitude !== null && c.latitude !== null && c.longitude !== null
        ? distanceMetres({ lat: subject.latitude, lng: subject.longitude }, { lat: c.latitude, lng: c.longitude })
        : null;
    const similarity = textSimilarity(subject.description, c.description);
    const reasons: DuplicateSuggestion['reasons'] = [];
    if (distance !== null && distance <= radius && subject.categoryCode && c.categoryCode === subject.categoryCode) reasons.push('nearby');
    if (similarity >= policy.textThreshold) reasons.push('similar_text');
    if (reasons.length) out.push({ id: c.id, trackingCode: c.trackingCode, distanceMetres: distance === null ? null : Math.round(distance), similarity: +similarity.toFixed(3), reasons });
  }
  return out.sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity || (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity));
}
