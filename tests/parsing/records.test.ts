import { parseRecordFacts } from "../../shared/parsing";

const RECORD = "10000000-0000-4000-8000-000000000001";
const RECORD_2 = "10000000-0000-4000-8000-000000000002";
const OWNER = "80000000-0000-4000-8000-000000000001";
const SELLER = "80000000-0000-4000-8000-000000000002";
const CONTACT = "20000000-0000-4000-8000-000000000001";
const STAKEHOLDER = "20000000-0000-4000-8000-000000000002";
const STAKEHOLDER_2 = "20000000-0000-4000-8000-000000000003";
const PRIMARY = "20000000-0000-4000-8000-000000000004";
const CREATED = "2024-01-15T09:00:00Z";

/** A connection row as the outer link returns it: one row per connection of the record. */
const connectedTo = (id: string, type: number) => ({ "connected.record2id": id, "connected.record2objecttypecode": type });

describe("parseRecordFacts", () => {
  it("counts a lead's owner on our side and its stakeholders on theirs, one fact from a row per connection", () => {
    const lead = { leadid: RECORD.toUpperCase(), statecode: 0, createdon: CREATED, _ownerid_value: OWNER };
    const parsed = parseRecordFacts("lead", [{ ...lead, ...connectedTo(STAKEHOLDER_2, 2) }, { ...lead, ...connectedTo(STAKEHOLDER.toUpperCase(), 2) }]);
    expect(parsed).toEqual({
      items: [
        {
          id: RECORD,
          accountId: null,
          statecode: 0,
          createdOn: new Date(CREATED),
          estimatedCloseDate: null,
          estimatedValue: null,
          people: { theirIds: [STAKEHOLDER, STAKEHOLDER_2], ourIds: [OWNER] },
        },
      ],
      skipped: 0,
    });
  });

  it("gives a lead without stakeholders no other people on their side, and never a user as one", () => {
    const lead = { leadid: RECORD, statecode: 0, _ownerid_value: OWNER };
    expect(parseRecordFacts("lead", [lead]).items[0].people).toEqual({ theirIds: [], ourIds: [OWNER] });
    expect(parseRecordFacts("lead", [{ ...lead, ...connectedTo(SELLER, 8) }]).items[0].people).toEqual({ theirIds: [], ourIds: [OWNER] });
  });

  it("counts an opportunity's owner and sales team on ours; its contact, stakeholders and account's primary contact on theirs", () => {
    const opportunity = {
      opportunityid: RECORD,
      statecode: 0,
      createdon: CREATED,
      _ownerid_value: OWNER,
      _parentcontactid_value: CONTACT,
      "customeraccount.primarycontactid": PRIMARY,
      estimatedclosedate: "2024-06-30T00:00:00Z",
      estimatedvalue: 25000,
    };
    const rows = [
      { ...opportunity, ...connectedTo(SELLER, 8) },
      { ...opportunity, ...connectedTo(STAKEHOLDER, 2) },
      // The owner is on the sales team too, and the contact a stakeholder: each counts once.
      { ...opportunity, ...connectedTo(OWNER, 8) },
      { ...opportunity, ...connectedTo(CONTACT, 2) },
    ];
    expect(parseRecordFacts("opportunity", rows)).toEqual({
      items: [
        {
          id: RECORD,
          accountId: null,
          statecode: 0,
          createdOn: new Date(CREATED),
          estimatedCloseDate: new Date("2024-06-30T00:00:00Z"),
          estimatedValue: 25000,
          people: { theirIds: [CONTACT, STAKEHOLDER, PRIMARY], ourIds: [OWNER, SELLER] },
        },
      ],
      skipped: 0,
    });
  });

  it("reads an opportunity without contact, account or connections, with the link columns spelled _x002e_ too", () => {
    const bare = { opportunityid: RECORD, statecode: 1, _ownerid_value: OWNER };
    const escaped = {
      opportunityid: RECORD_2,
      statecode: 0,
      _ownerid_value: OWNER,
      customeraccount_x002e_primarycontactid: PRIMARY,
      connected_x002e_record2id: SELLER,
      connected_x002e_record2objecttypecode: 8,
    };
    const parsed = parseRecordFacts("opportunity", [bare, escaped]);
    expect(parsed.items.map((f) => [f.id, f.statecode, f.people])).toEqual([
      [RECORD, 1, { theirIds: [], ourIds: [OWNER] }],
      [RECORD_2, 0, { theirIds: [PRIMARY], ourIds: [OWNER, SELLER] }],
    ]);
    expect(parsed.items[0]).toMatchObject({ createdOn: null, estimatedCloseDate: null, estimatedValue: null });
  });

  it("counts an account's primary contact on theirs and leaves our side open to any user, as for contacts", () => {
    expect(parseRecordFacts("account", [{ accountid: RECORD, statecode: 0, _primarycontactid_value: PRIMARY }]).items[0].people).toEqual({
      theirIds: [PRIMARY],
      ourIds: null,
    });
    expect(parseRecordFacts("account", [{ accountid: RECORD, statecode: 0 }]).items[0].people).toEqual({ theirIds: [], ourIds: null });
    expect(parseRecordFacts("contact", [{ contactid: RECORD, statecode: 0, createdon: CREATED }]).items[0]).toEqual({
      id: RECORD,
      accountId: null,
      statecode: 0,
      createdOn: new Date(CREATED),
      estimatedCloseDate: null,
      estimatedValue: null,
      people: { theirIds: [], ourIds: null },
    });
  });

  it("brings a contact's company and a lead's parent account, for paths through coworkers", () => {
    const company = "30000000-0000-4000-8000-000000000001";
    const ofContact = (table: string) => parseRecordFacts("contact", [{ contactid: RECORD, statecode: 0, _parentcustomerid_value: company, "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname": table }]).items[0].accountId;
    expect(ofContact("account")).toBe(company);
    // parentcustomerid may name another contact: that is no account to find coworkers at.
    expect(ofContact("contact")).toBeNull();
    expect(parseRecordFacts("lead", [{ leadid: RECORD, statecode: 0, _parentaccountid_value: company.toUpperCase() }]).items[0].accountId).toBe(company);
  });

  it("keeps records apart when one read returns several", () => {
    const rows = [
      { leadid: RECORD, statecode: 0, _ownerid_value: OWNER, ...connectedTo(STAKEHOLDER, 2) },
      { leadid: RECORD_2, statecode: 2, _ownerid_value: SELLER },
      { leadid: RECORD, statecode: 0, _ownerid_value: OWNER, ...connectedTo(STAKEHOLDER_2, 2) },
    ];
    expect(parseRecordFacts("lead", rows).items.map((f) => [f.id, f.statecode, f.people])).toEqual([
      [RECORD, 0, { theirIds: [STAKEHOLDER, STAKEHOLDER_2], ourIds: [OWNER] }],
      [RECORD_2, 2, { theirIds: [], ourIds: [SELLER] }],
    ]);
  });

  it("skips rows without the record's id or state, with a bad owner, or a connection without its type", () => {
    const rows = [
      { statecode: 0, _ownerid_value: OWNER },
      { leadid: RECORD, _ownerid_value: OWNER },
      { leadid: RECORD, statecode: 0, _ownerid_value: "owner" },
      { leadid: RECORD, statecode: 0, _ownerid_value: OWNER, "connected.record2id": STAKEHOLDER },
      { leadid: RECORD, statecode: 0, createdon: "2024-01-15", _ownerid_value: OWNER },
    ];
    expect(parseRecordFacts("lead", rows)).toEqual({ items: [], skipped: 5 });
  });
});
