/**
 * The value shapes every record input is built from, shared by the core (the contract's inputs, the merge's and the
 * import's rules in db/rules.ts) and the forms, which validate with the same schemas before they send: text lengths,
 * calendar dates full and partial, times, ISO country codes, e-mail, ids.
 */
import { z } from 'zod';
import { FULL_DATE_PATTERN, isCalendarDate, isPartialDate, PARTIAL_DATE_PATTERN } from '../calendar';

/** Text lengths, in UTF-16 units: what the contract accepts and what the forms count down to. */
export const LIMITS = {
  name: 200,
  title: 300,
  shortText: 200,
  source: 2000,
  notes: 20000,
  longText: 50000,
  meetingNotes: 100000,
  gifts: 5000,
  location: 300,
  phone: 100,
  email: 320,
  fileName: 255,
  mimeType: 200,
  description: 2000,
  aliases: 50,
  office: 200,
} as const;

/** ISO 3166-1 alpha-2 codes (officially assigned). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** A record id: a UUID in lower-case hex (UUIDv7 for records made here; the sample data's are fixed UUIDs). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const idSchema = z.string().regex(UUID_PATTERN);

/** YYYY-MM-DD, a real calendar day (common/calendar.ts). */
export const calendarDate = z.string().regex(FULL_DATE_PATTERN).refine(isCalendarDate);
/** YYYY, YYYY-MM or YYYY-MM-DD; a full date must be a real calendar day. */
export const partialDate = z.string().regex(PARTIAL_DATE_PATTERN).refine(isPartialDate);
export const optionalDate = calendarDate.nullable().optional();
/** HH:MM, 00:00 to 23:59. */
export const meetingTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** An ISO 3166-1 alpha-2 code; the form may give it in lower case. */
export const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}$/, { abort: true })
      .refine((v) => COUNTRY_CODES.has(v), { message: 'country' }),
  );
export const email = z.string().max(LIMITS.email).email();

const trimmed = (max: number) => z.string().trim().max(max);
/** Text that must not be empty once trimmed, of at most `max` units. */
export const requiredText = (max = 500) => trimmed(max).min(1);
/** Text of at most `max` units once trimmed; empty is stored as null. */
export const optionalText = (max = 20000) =>
  trimmed(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
