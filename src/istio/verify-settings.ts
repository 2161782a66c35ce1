// verify.sh's retry settings as verify.sh uses them: VERIFY_TIMEOUT and VERIFY_CONSECUTIVE in bash arithmetic
// (whole numbers), VERIFY_DELAY as `sleep`'s argument (a number with an optional s/m/h/d suffix). An empty or unset
// value is verify.sh's default. Any other value is refused with the reason: verify.sh would stop on an arithmetic
// error or spin without sleeping, and quietly putting a default in its place would run a different test.
import type { VERIFY_SETTINGS } from './script-statements.js';

export type VerifySettingName = (typeof VERIFY_SETTINGS)[number];

/** What each setting accepts (an extended regular expression bash and JavaScript read alike), and verify.sh's default. */
export const VERIFY_SETTING_RULES: Record<VerifySettingName, { pattern: string; what: string; fallback: number }> = {
  VERIFY_TIMEOUT: { pattern: '^[0-9]+$', what: 'a whole number of seconds', fallback: 120 },
  VERIFY_DELAY: { pattern: '^([0-9]+([.][0-9]*)?|[.][0-9]+)[smhd]?$', what: "a duration `sleep` accepts (1, 0.5, 2s, 1m)", fallback: 1 },
  VERIFY_CONSECUTIVE: { pattern: '^[0-9]+$', what: 'a whole number of successes', fallback: 1 },
};

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

// The setting's value in seconds (or successes), or the reason verify.sh could not use it.
export function readVerifySetting(name: VerifySettingName, value: string | null | undefined): { value: number } | { problem: string } {
  const rule = VERIFY_SETTING_RULES[name];
  if (value === null || value === undefined || value === '') return { value: rule.fallback };
  if (!new RegExp(rule.pattern).test(value)) return { problem: `${name}=${value} is not ${rule.what}, as verify.sh needs` };
  const unit = /[smhd]$/.test(value) ? value.slice(-1) : 's';
  return { value: Number(unit === 's' && !value.endsWith('s') ? value : value.slice(0, -1)) * UNIT_SECONDS[unit] };
}

// The bash lines that check the settings at the start of a `_verify_*` call: on a bad value, `$problem` says why.
export function verifySettingsCheckScript(): string[] {
  return Object.entries(VERIFY_SETTING_RULES).map(
    ([name, rule]) =>
      `  re='${rule.pattern}'; [[ -z $problem && -n \${${name}:-} && ! \${${name}} =~ $re ]] && problem="${name}=\${${name}} is not ${rule.what.replace(/[`"$\\]/g, '\\$&')}, as verify.sh needs"`,
  );
}
