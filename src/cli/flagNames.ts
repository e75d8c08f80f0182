/** The library's option names, as the flags that set them. */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  region: '--region',
  service: '--service',
  signingOrigin: '--signing-origin',
};

/**
 * A library message (an error, a diagnosis) with the options it names in backticks written as
 * this tool's flags: "pass `region`" becomes "pass --region". Other names are left as they are.
 * @internal
 */
export const withFlagNames = (message: string): string =>
  message.replace(/`(\w+)`/g, (quoted, option: string) => FLAG_OF_OPTION[option] ?? quoted);
