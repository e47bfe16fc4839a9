/**
 * The environment variable that carries the relationship intelligence settings as JSON. The
 * solution ships its definition with the defaults as default value; admins set the current value
 * in their environment, so an upgrade never overwrites their choices.
 */
import { BASE_LANGUAGE, PcfConfig, settingsVariableSchemaName } from "./config";
import { PackageError } from "./errors";
import { element, renderDocument, textElement, XmlElement } from "./xml";

/** Dataverse environment variable types. */
export const VARIABLE_TYPE = { text: 100000000, number: 100000001, yesNo: 100000002, json: 100000003 } as const;

/** What admins see for the variable, per language. */
const SETTINGS_VARIABLE_LABELS: Readonly<Record<string, { displayName: string; description: string }>> = {
  "1033": {
    displayName: "Relationship Intelligence settings",
    description:
      "Settings of the relationship intelligence components, as JSON: features, mailbox data roles, consent, health score and analytics options. Set the current value to change them.",
  },
  "1048": {
    displayName: "Setări Inteligența relațiilor",
    description:
      "Setările componentelor de inteligență a relațiilor, în format JSON: funcții, roluri pentru datele din cutia poștală, consimțământ, scorul de sănătate și opțiunile de analiză. Setați valoarea curentă pentru a le modifica.",
  },
};

export function settingsVariableXml(config: PcfConfig, defaultJson: string): string {
  for (const language of config.languages) {
    if (!SETTINGS_VARIABLE_LABELS[String(language)]) {
      throw new PackageError(`the settings environment variable has no label for language ${language} (add it in solution/settingsVariable.ts)`);
    }
  }
  return renderDocument(
    element("environmentvariabledefinition", { schemaname: settingsVariableSchemaName(config) }, [
      textElement("defaultvalue", defaultJson),
      localizedLabels("description", config, (language) => SETTINGS_VARIABLE_LABELS[language].description),
      localizedLabels("displayname", config, (language) => SETTINGS_VARIABLE_LABELS[language].displayName),
      textElement("introducedversion", config.version),
      textElement("iscustomizable", 1),
      textElement("isrequired", 0),
      textElement("secretstore", 0),
      textElement("type", VARIABLE_TYPE.json),
    ]),
  );
}

/** `<name default="…">` carrying the base language's text, then one label per language. */
function localizedLabels(name: string, config: PcfConfig, text: (language: string) => string): XmlElement {
  return element(
    name,
    { default: text(String(BASE_LANGUAGE)) },
    config.languages.map((language) => element("label", { description: text(String(language)), languagecode: language })),
  );
}
