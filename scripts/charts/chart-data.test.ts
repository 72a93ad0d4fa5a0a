import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, toCsv, toTableModel } from "./chart-data.ts";
import type { DataTable } from "./types.ts";

const table: DataTable = {
  caption: "Test, 2024",
  rowHeader: "Band",
  columns: [
    { header: "BME staff (%)", unit: "%" },
    { header: "Difference, points", unit: "points" },
  ],
  rows: [
    { label: "Band 5", cells: [{ value: 24, display: "24.0%", status: "shown" }, { value: -2.14, display: "-2.1 points", status: "shown" }] },
    { label: "=HYPERLINK(\"x\")", cells: [{ value: null, display: "fewer than 10", status: "suppressed" }, { value: -0.01, display: "0.0 points", status: "shown" }] },
  ],
};

describe("toTableModel", () => {
  it("writes every figure as the page prints it (with its unit and sign), and a hidden figure as its display text", () => {
    expect(toTableModel(table)).toEqual({
      caption: "Test, 2024",
      head: ["Band", "BME staff (%)", "Difference, points"],
      rows: [
        { header: "Band 5", cells: ["24.0%", "-2.1 points"] },
        { header: "=HYPERLINK(\"x\")", cells: ["fewer than 10", "0.0 points"] },
      ],
    });
  });
});

describe("toCsv", () => {
  it("is RFC 4180 with CRLF, numbers rounded as displayed without units or sign (never -0.0), formula cells neutralised and quoted", () => {
    expect(toCsv(table)).toBe(
      'Band,BME staff (%),"Difference, points",Note\r\nBand 5,24.0,-2.1,\r\n"\'=HYPERLINK(""x"")",,0.0,BME staff (%): fewer than 10\r\n',
    );
  });

  it("keeps number columns numeric: a hidden figure is an empty cell, and the note says why in the chart's words", () => {
    const single: DataTable = { ...table, columns: [table.columns[0]!], rows: table.rows.map((row) => ({ ...row, cells: [row.cells[0]!] })) };
    const rows = toCsv(single).trimEnd().split("\r\n").map((line) => line.split(","));
    expect(rows.map((row) => row[1])).toEqual(["BME staff (%)", "24.0", ""]);
    expect(rows.map((row) => row[2])).toEqual(["Note", "", "fewer than 10"]);
    for (const row of rows.slice(1)) expect(row[1]).toMatch(/^(-?\d+(\.\d+)?)?$/);
  });

  it("guards every formula prefix but leaves plain negative numbers alone", () => {
    for (const cell of ["=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(neutraliseFormula("-2.1")).toBe("-2.1");
    expect(csvField('say "hi"\nthen')).toBe('"say ""hi""\nthen"');
  });
});
