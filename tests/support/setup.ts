/**
 * Runs before every test file. The controls draw their own SVG icons and do not rely on Fluent's
 * icon font, whether or not a host registers it; jsdom has none, so Fluent would warn about each
 * built-in glyph name it looks up. Icons never carry meaning alone here (text is always beside
 * them), so the warning says nothing about what users see.
 */
import { setIconOptions } from "@fluentui/react";

setIconOptions({ disableWarnings: true });
