package build

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"gongshi/generator/diag"
	"gongshi/generator/disclose"
)

// WriteCheckText prints the check report: one line per input table, the
// diagnostics (capped per file, cap <= 0 for all), and the staff view of
// what is withheld.
func WriteCheckText(w io.Writer, sum *Summary, cap int) {
	perFile := map[string][2]int{}
	for _, d := range sum.Diags {
		c := perFile[d.Pos.File]
		switch d.Severity {
		case diag.Warning:
			c[0]++
		case diag.Error:
			c[1]++
		}
		perFile[d.Pos.File] = c
	}
	fmt.Fprintln(w, "files:")
	for _, f := range sum.Files {
		enc := f.Encoding
		if enc == "" {
			enc = "-"
		}
		where := f.File
		if f.Sheet != "" {
			where += " [" + f.Sheet + "]"
		}
		c := perFile[f.File]
		fmt.Fprintf(w, "  %-11s %s: %s, %s, header row %d, %s, %s, %s\n", f.Kind, where, f.Format, enc, f.Header, counted(f.Rows, "row"), counted(c[0], "warning"), counted(c[1], "error"))
	}
	fmt.Fprintf(w, "records: %d decisions, %d powers, %d services, %d statistics values, %d withdrawals, ",
		sum.Counts["cases"], sum.Counts["powers"], sum.Counts["services"], sum.Counts["stats"], sum.Counts["withdrawals"])
	if r := sum.Result; r != nil {
		for _, k := range r.Kinds {
			fmt.Fprintf(w, "%d %s (%s), ", sum.Counts[k.Name], k.Name, k.Title)
		}
	}
	fmt.Fprintf(w, "%d pages\n", sum.Counts["pages"])
	if len(sum.Diags) > 0 {
		fmt.Fprintln(w, "diagnostics:")
		sum.Diags.Print(w, cap, diag.Info)
	}
	if r := sum.Result; r != nil {
		writeStaffView(w, r, cap)
		disclose.PrintAmbiguities(w, sum.Ambiguities, cap)
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s, %s\n", counted(sum.Diags.Count(diag.Error), "error"), counted(sum.Diags.Count(diag.Warning), "warning"))
}

// counted writes n and the English noun, plural unless n is 1.
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func writeStaffView(w io.Writer, r *disclose.Result, cap int) {
	fmt.Fprintln(w)
	r.StaffReport(r.BuildDate).PrintCapped(w, cap)
	fmt.Fprintln(w)
}

// WriteCheckJSON prints the check report as JSON for tooling.
func WriteCheckJSON(w io.Writer, sum *Summary) error {
	diags := sum.Diags
	if diags == nil {
		diags = diag.List{}
	}
	doc := struct {
		Files       []DatasetSummary     `json:"files"`
		Counts      map[string]int       `json:"counts"`
		Diagnostics diag.List            `json:"diagnostics"`
		Ambiguities []disclose.Ambiguity `json:"names_in_other_text"`
		Errors      int                  `json:"errors"`
		Warnings    int                  `json:"warnings"`
	}{sum.Files, sum.Counts, diags, sum.Ambiguities, diags.Count(diag.Error), diags.Count(diag.Warning)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
