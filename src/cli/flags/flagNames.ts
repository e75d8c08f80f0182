/** The library's option names, as the flags that set them. */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  region: '--region',
  service: '--service',
  signingOrigin: '--signing-origin',
};

/** Library phrases whose option has no one flag here, in this tool's words. */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/the `credentials` option/g, '--access-key and --secret-key (or --profile)'],
  [/`credentials`/g, '--access-key/--secret-key'],
];

/**
 * A library message (an error, a diagnosis) in this tool's words: the options it names in
 * backticks as flags ("pass `region`" becomes "pass --region", "pass the `credentials` option"
 * becomes "pass --access-key and --secret-key (or --profile)"), and option values written as
 * code (`region: 'eu-west-1'`) as flags with their value (`--region eu-west-1`). Other names are
 * left as they are.
 * @internal
 */
export function withFlagNames(message: string): string {
  let text = message;
  for (const [phrase, words] of PHRASES) text = text.replace(phrase, words);
  return text
    .replace(/`(\w+)`/g, (quoted, option: string) => FLAG_OF_OPTION[option] ?? quoted)
    .replace(/\b(region|service|signingOrigin): '([^']*)'/g, (_, option: string, value: string) => {
      return `${FLAG_OF_OPTION[option]} ${value}`;
    });
}
