// Package ident validates the two national identifiers that appear in
// exports: the 统一社会信用代码 (GB 32100) and the 居民身份证号码 (GB 11643).
package ident

import (
	"strings"
	"time"
)

const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCodeProblem returns "" when code is a well-formed 统一社会信用代码
// with a correct check character, and otherwise says what is wrong.
func CreditCodeProblem(code string) string {
	if len(code) != 18 {
		return "a credit code has 18 characters"
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(creditAlphabet, code[i])
		if v < 0 {
			return "a credit code uses only 0-9 and A-Y without I, O, S, V, Z"
		}
		if i < 17 {
			sum += v * creditWeights[i]
		}
	}
	want := (31 - sum%31) % 31
	if creditAlphabet[want] != code[17] {
		return "the check character does not match (expected " + string(creditAlphabet[want]) + ")"
	}
	return ""
}

// CreditCodeCheck returns the check character for the first 17 characters.
func CreditCodeCheck(first17 string) byte {
	sum := 0
	for i := 0; i < 17 && i < len(first17); i++ {
		sum += strings.IndexByte(creditAlphabet, first17[i]) * creditWeights[i]
	}
	return creditAlphabet[(31-sum%31)%31]
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// IDCheck returns the check character for the first 17 digits of a
// 居民身份证号码.
func IDCheck(first17 string) byte {
	sum := 0
	for i := 0; i < 17 && i < len(first17); i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11]
}

// ValidID reports whether id is an 18-character 居民身份证号码 with a valid
// birth date and check character. A lower-case x is accepted.
func ValidID(id string) bool {
	if len(id) != 18 {
		return false
	}
	for i := 0; i < 17; i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	if _, ok := IDBirth(id); !ok {
		return false
	}
	c := id[17]
	if c == 'x' {
		c = 'X'
	}
	return IDCheck(id[:17]) == c
}

// IDBirth returns the birth date encoded in an 18-digit (or 15-digit, 19xx)
// ID number.
func IDBirth(id string) (time.Time, bool) {
	var ds string
	switch len(id) {
	case 18:
		ds = id[6:14]
	case 15:
		ds = "19" + id[6:12]
	default:
		return time.Time{}, false
	}
	t, err := time.Parse("20060102", ds)
	if err != nil || t.Year() < 1890 {
		return time.Time{}, false
	}
	return t, true
}
