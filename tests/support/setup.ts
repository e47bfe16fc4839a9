/**
 * Runs before every test file. The host (a model-driven app) registers Fluent's icon font; jsdom
 * has none, so Fluent would warn on every icon. Icons never carry meaning alone here (text is always
 * beside them), so the warning says nothing about what users see.
 */
import { setIconOptions } from "@fluentui/react";

setIconOptions({ disableWarnings: true });
