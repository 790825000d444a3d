import { normalizePhone } from '@haochaping/privacy';
import { type DataProtector } from '@haochaping/privacy/server';
import type { ReviewerKind } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import type { ContactDto, ReviewerDto } from './dto/reviewer.dto';
import type { RatedCase } from './rating-cases.service';

/** The reviewer columns of a review: names and phones only encrypted, the phone also as its keyed hash. */
export interface ReviewerRecord {
  readonly kind: ReviewerKind;
  readonly nameEnc: string | null;
  readonly phoneEnc: string | null;
  readonly phoneHash: string | null;
}

export const ANONYMOUS_REVIEWER: ReviewerRecord = { kind: 'ANONYMOUS', nameEnc: null, phoneEnc: null, phoneHash: null };

const invalid = (field: string, message: string) => new DomainHttpException(422, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [{ field, message }]);

function assertNothingGivenWhenAnonymous(reviewer: ReviewerDto): void {
  if (reviewer.name || reviewer.phone) throw invalid(reviewer.name ? 'reviewer.name' : 'reviewer.phone', '匿名评价请不要填写姓名和电话');
}

/**
 * A case-bound rating (window QR, invitation, portal) is real-name with the case's phone unless the citizen picks
 * anonymous: the ciphertext and hash of the case are copied, so nothing is decrypted. A phone the reviewer gives
 * must be the case's one (nobody rates on a citizen's behalf); a case without a phone takes the one given.
 */
export function reviewerOfCase(protector: DataProtector, ratedCase: RatedCase, reviewer: ReviewerDto | undefined): ReviewerRecord {
  if (reviewer?.kind === 'ANONYMOUS') {
    assertNothingGivenWhenAnonymous(reviewer);
    return ANONYMOUS_REVIEWER;
  }
  let phoneEnc = ratedCase.applicantPhoneEnc;
  let phoneHash = ratedCase.applicantPhoneHash;
  if (reviewer?.phone) {
    const givenHash = protector.phoneHash(reviewer.phone);
    if (phoneHash !== null && givenHash !== phoneHash) throw invalid('reviewer.phone', '实名评价的电话须为办件登记的电话');
    if (phoneHash === null) {
      phoneEnc = protector.encrypt(normalizePhone(reviewer.phone));
      phoneHash = givenHash;
    }
  }
  if (phoneEnc === null || phoneHash === null) {
    if (reviewer?.kind === 'REAL_NAME') throw invalid('reviewer.phone', '实名评价请填写联系电话');
    return ANONYMOUS_REVIEWER;
  }
  // The applicant's own name when the applicant is a person; a company's name is not the reviewer's.
  const nameEnc = reviewer?.name ? protector.encrypt(reviewer.name) : ratedCase.applicantKind === 'PERSON' ? ratedCase.applicantNameEnc : null;
  return { kind: 'REAL_NAME', nameEnc, phoneEnc, phoneHash };
}

/** The public form: anonymous unless the citizen gives a name and phone (real-name needs a phone to call back). */
export function reviewerOfForm(protector: DataProtector, reviewer: ReviewerDto | undefined): ReviewerRecord {
  if (!reviewer) return ANONYMOUS_REVIEWER;
  if (reviewer.kind === 'ANONYMOUS') {
    assertNothingGivenWhenAnonymous(reviewer);
    return ANONYMOUS_REVIEWER;
  }
  if (!reviewer.phone) throw invalid('reviewer.phone', '实名评价请填写联系电话');
  return realName(protector, reviewer.name, reviewer.phone);
}

/** Staff entries: real-name when the person left a phone; a name alone cannot be called back, so it is refused. */
export function reviewerOfContact(protector: DataProtector, contact: ContactDto | undefined): ReviewerRecord {
  if (!contact?.phone) {
    if (contact?.name) throw invalid('contact.phone', '留了姓名的反馈请同时录入联系电话；无法回访的请按匿名录入（不填联系人）');
    return ANONYMOUS_REVIEWER;
  }
  return realName(protector, contact.name, contact.phone);
}

function realName(protector: DataProtector, name: string | undefined, phone: string): ReviewerRecord {
  return {
    kind: 'REAL_NAME',
    nameEnc: name ? protector.encrypt(name) : null,
    phoneEnc: protector.encrypt(normalizePhone(phone)),
    phoneHash: protector.phoneHash(phone),
  };
}
