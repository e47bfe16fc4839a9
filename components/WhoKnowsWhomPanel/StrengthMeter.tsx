import * as React from "react";
import { HighContrastSelector, mergeStyleSets, Stack, Text, useTheme } from "@fluentui/react";
import type { Introducer } from "../../shared/model";
import type { Translate } from "../../shared/ui/i18n";

const classes = mergeStyleSets({
  track: {
    width: 80,
    height: 8,
    borderRadius: 4,
    overflow: "hidden",
    flexShrink: 0,
    selectors: { [HighContrastSelector]: { border: "1px solid CanvasText" } },
  },
  fill: { height: "100%", selectors: { [HighContrastSelector]: { background: "CanvasText" } } },
});

/** Connection strength as a meter, always with its word beside it. */
export function StrengthMeter(props: { introducer: Introducer; t: Translate }): React.ReactElement {
  const { introducer, t } = props;
  const theme = useTheme();
  const word = t(`wkw.strength.${introducer.strengthWord}`);
  return (
    <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
      <div
        role="meter"
        aria-label={t("wkw.strength")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={introducer.strength}
        aria-valuetext={t("wkw.strength.value", { word, strength: Math.round(introducer.strength) })}
        className={classes.track}
        style={{ background: theme.palette.neutralLight }}
      >
        <div
          className={classes.fill}
          style={{ width: `${Math.min(100, Math.max(0, introducer.strength))}%`, background: theme.palette.themePrimary }}
        />
      </div>
      <Text variant="small" aria-hidden="true">
        {word}
      </Text>
    </Stack>
  );
}
