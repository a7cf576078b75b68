package site

import (
	"testing"

	"gongshi/generator/records"
)

func TestPaginate(t *testing.T) {
	tests := []struct {
		n, size, pages int
		lastURL        string
	}{
		{0, 50, 1, "/cases/"},
		{50, 50, 1, "/cases/"},
		{51, 50, 2, "/cases/page/2/"},
		{1000, 50, 20, "/cases/page/20/"},
	}
	for _, tt := range tests {
		ps := Paginate("/cases/", tt.n, tt.size)
		if len(ps) != tt.pages || ps[len(ps)-1].Last != tt.lastURL {
			t.Errorf("Paginate(%d, %d): %d pages, last %q", tt.n, tt.size, len(ps), ps[len(ps)-1].Last)
		}
		for i, p := range ps {
			if (p.Prev == "") != (i == 0) || (p.Next == "") != (i == len(ps)-1) {
				t.Errorf("page %d: prev %q next %q", i+1, p.Prev, p.Next)
			}
		}
	}
	// A long listing shows the ends, two pages either side, and gaps.
	p := Paginate("/cases/", 1000, 50)[9]
	var nums []int
	for _, l := range p.Pages {
		nums = append(nums, l.Number)
	}
	want := []int{1, 0, 8, 9, 10, 11, 12, 0, 20}
	if len(nums) != len(want) {
		t.Fatalf("links %v, want %v", nums, want)
	}
	for i := range want {
		if nums[i] != want[i] {
			t.Fatalf("links %v, want %v", nums, want)
		}
	}
}

func TestPowerFlow(t *testing.T) {
	tests := []struct {
		name       string
		p          records.Power
		want       []string
		fromDuties bool
	}{
		{"duties", records.Power{Category: "行政处罚", Duties: "1.立案责任：…\n2.调查取证责任：…\n3.决定责任：…"}, []string{"立案", "调查取证", "决定"}, true},
		{"standard flow of the category", records.Power{Category: "行政处罚"}, []string{"立案", "调查取证", "告知", "听证", "决定", "送达", "执行"}, false},
		{"unknown category", records.Power{Category: ""}, []string{"受理", "审查", "决定", "送达", "监管"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, from := PowerFlow(&tt.p)
			if from != tt.fromDuties || len(got) != len(tt.want) {
				t.Fatalf("got %v (%v)", got, from)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}
