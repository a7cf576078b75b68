package ident

import "testing"

func TestCreditCode(t *testing.T) {
	tests := map[string]bool{
		"91350100M000100Y43": true,
		"91350100M000100Y44": false,
		"91350100M00010":     false,
		"9135010OM000100Y43": false,
	}
	for code, ok := range tests {
		t.Run(code, func(t *testing.T) {
			if got := CreditCodeProblem(code) == ""; got != ok {
				t.Errorf("CreditCodeProblem(%q) = %q", code, CreditCodeProblem(code))
			}
		})
	}
}

func TestValidID(t *testing.T) {
	tests := map[string]bool{
		"11010519491231002X": true,
		"11010519491231002x": true,
		"110105194912310021": false,
		"11010519491331002X": false,
	}
	for id, ok := range tests {
		t.Run(id, func(t *testing.T) {
			if got := ValidID(id); got != ok {
				t.Errorf("ValidID(%q) = %v", id, got)
			}
		})
	}
}
