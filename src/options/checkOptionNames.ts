import { invalidOption, SigV4OptionsError } from '../errors';
import { nearestName } from './nearestName';
import { entryPointsTaking, foreignOptionFix, type EntryPoint } from './optionNames';

const quoted = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');

function unknownOption(name: string, entry: EntryPoint): SigV4OptionsError {
  const shown = name.length > 40 ? `${name.slice(0, 40)}...` : name;
  const takers = entryPointsTaking(name);
  if (takers.length > 0) {
    return new SigV4OptionsError(
      'INVALID_OPTIONS',
      `Option \`${shown}\` does not apply to ${entry.name}`,
      `it is an option of ${takers.join(', ')}: leave it out here`,
    );
  }
  const near = nearestName(name, entry.options);
  const fix =
    foreignOptionFix(name) ??
    (near ? `did you mean \`${near}\`?` : `the options are ${quoted(entry.options)}`);
  return new SigV4OptionsError('INVALID_OPTIONS', `Unknown option \`${shown}\``, fix);
}

/**
 * Refuses what is not an options object, and any option the entry point does not take: a typo
 * (`regoin`) would otherwise be ignored silently, and with `region` and `service` given that
 * signs for every host. An option set to `undefined` counts as left out.
 * @internal
 */
export function checkOptionNames(options: unknown, entry: EntryPoint): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidOption('options', 'pass an options object or nothing');
  }
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && !entry.options.includes(name)) throw unknownOption(name, entry);
  }
}
