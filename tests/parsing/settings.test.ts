import { parseEmailTemplates, parseRoles, parseSettingsRecords } from "../../shared/parsing";
import { SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID } from "../../shared/model";

const DEF = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
const VAL = "11111111-2222-3333-4444-555555555555";

describe("parseSettingsRecords", () => {
  it("reads a definition with its value, and one without", () => {
    const rows = [
      {
        environmentvariabledefinitionid: DEF,
        defaultvalue: "{}",
        "settingvalue.environmentvariablevalueid": VAL,
        "settingvalue.value": '{"enabled":true}',
        "settingvalue.modifiedon": "2024-03-01T10:00:00Z",
      },
      { environmentvariabledefinitionid: DEF, defaultvalue: null },
    ];
    expect(parseSettingsRecords(rows)).toEqual({
      items: [
        { definitionId: DEF, valueId: VAL, value: '{"enabled":true}', defaultValue: "{}", modifiedOn: new Date("2024-03-01T10:00:00Z") },
        { definitionId: DEF, valueId: null, value: null, defaultValue: null, modifiedOn: null },
      ],
      skipped: 0,
    });
  });

  it("skips a value that could not be saved back, and bad ids or dates", () => {
    const rows = [
      { environmentvariabledefinitionid: DEF, "settingvalue.value": "{}" },
      { environmentvariabledefinitionid: "x" },
      { environmentvariabledefinitionid: DEF, "settingvalue.environmentvariablevalueid": VAL, "settingvalue.modifiedon": "yesterday" },
    ];
    expect(parseSettingsRecords(rows)).toEqual({ items: [], skipped: 3 });
  });
});

describe("roles and templates", () => {
  it("reads roles with the template id from its lookup", () => {
    const rows = [
      { roleid: DEF, name: "Administrateur système", _roletemplateid_value: SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID.toUpperCase() },
      { roleid: VAL, name: "Salesperson", _roletemplateid_value: null },
      { roleid: VAL },
    ];
    expect(parseRoles(rows)).toEqual({
      items: [
        { id: DEF, name: "Administrateur système", templateId: SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID },
        { id: VAL, name: "Salesperson", templateId: null },
      ],
      skipped: 1,
    });
  });

  it("reads templates", () => {
    expect(parseEmailTemplates([{ templateid: DEF, title: "Intro", templatetypecode: "systemuser" }, { templateid: DEF }])).toEqual({
      items: [{ id: DEF, title: "Intro", typeCode: "systemuser" }],
      skipped: 1,
    });
  });
});
