/**
 * solution.xml: the manifest Dataverse reads first on import (name, version, managed or not,
 * publisher, and the root components the solution brings).
 */
import { BASE_LANGUAGE, LocalizedText, PcfConfig } from "./config";
import { element, nilElement, renderDocument, textElement, XmlElement, XSI_NAMESPACE } from "./xml";

/** The package format Microsoft's own tooling writes for a controls solution. */
const PACKAGE_FORMAT = { version: "9.1.0.643", solutionPackageVersion: "9.1", generatedBy: "CrmLive" } as const;

export interface RootComponent {
  type: number;
  schemaName: string;
}

/** The publisher address columns solution.xml lists, in Microsoft's order; we have no values for them. */
const ADDRESS_COLUMNS = [
  "City", "County", "Country", "Fax", "FreightTermsCode", "ImportSequenceNumber", "Latitude", "Line1", "Line2", "Line3",
  "Longitude", "Name", "PostalCode", "PostOfficeBox", "PrimaryContactName", "ShippingMethodCode", "StateOrProvince",
  "Telephone1", "Telephone2", "Telephone3", "TimeZoneRuleVersionNumber", "UPSZone", "UTCOffset", "UTCConversionTimeZoneCode",
];
/** Option values Dataverse itself fills in for a publisher's two addresses. */
const ADDRESS_DEFAULTS: Record<string, string> = { AddressTypeCode: "1", ShippingMethodCode: "1" };

export function solutionXml(config: PcfConfig, rootComponents: readonly RootComponent[], managed: boolean): string {
  const { publisher, solution } = config;
  const manifest = element("SolutionManifest", {}, [
    textElement("UniqueName", solution.uniqueName),
    labels("LocalizedNames", "LocalizedName", solution.displayName, config),
    labels("Descriptions", "Description", solution.description, config),
    textElement("Version", config.version),
    textElement("Managed", managed ? 1 : 0),
    element("Publisher", {}, [
      textElement("UniqueName", publisher.uniqueName),
      labels("LocalizedNames", "LocalizedName", publisher.displayName, config),
      labels("Descriptions", "Description", publisher.description, config),
      nilElement("EMailAddress"),
      nilElement("SupportingWebsiteUrl"),
      textElement("CustomizationPrefix", publisher.prefix),
      textElement("CustomizationOptionValuePrefix", publisher.optionValuePrefix),
      element("Addresses", {}, [address(1), address(2)]),
    ]),
    element(
      "RootComponents",
      {},
      rootComponents.map((component) => element("RootComponent", { type: component.type, schemaName: component.schemaName, behavior: 0 })),
    ),
    element("MissingDependencies"),
  ]);
  return renderDocument(
    element(
      "ImportExportXml",
      {
        version: PACKAGE_FORMAT.version,
        SolutionPackageVersion: PACKAGE_FORMAT.solutionPackageVersion,
        languagecode: BASE_LANGUAGE,
        generatedBy: PACKAGE_FORMAT.generatedBy,
        "xmlns:xsi": XSI_NAMESPACE,
      },
      [manifest],
    ),
  );
}

function labels(listName: string, itemName: string, text: LocalizedText, config: PcfConfig): XmlElement {
  return element(
    listName,
    {},
    config.languages.map((language) => element(itemName, { description: text[String(language)], languagecode: language })),
  );
}

function address(number: number): XmlElement {
  return element("Address", {}, [
    textElement("AddressNumber", number),
    textElement("AddressTypeCode", ADDRESS_DEFAULTS.AddressTypeCode),
    ...ADDRESS_COLUMNS.map((column) => (column in ADDRESS_DEFAULTS ? textElement(column, ADDRESS_DEFAULTS[column]) : nilElement(column))),
  ]);
}
