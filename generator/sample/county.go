package sample

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CountyTowns are the towns a sample county holds, in order: slug and
// name. The first is the sample town itself.
var CountyTowns = []struct{ Slug, Name string }{
	{"qingxi", "青溪镇"}, {"fenglin", "枫林镇"}, {"shimen", "石门镇"}, {"baisha", "白沙镇"},
	{"taoyuan", "桃源镇"}, {"longtan", "龙潭镇"}, {"qinghe", "清河街道"}, {"meiling", "梅岭镇"},
	{"songshan", "松山镇"}, {"liujiang", "柳江街道"}, {"yunxi", "云溪镇"}, {"pingtan", "平潭镇"},
}

// CountyOmitPowers is the share of the power list each sample town after
// the first does not hold.
const CountyOmitPowers = 0.08

// WriteCounty writes a county site of n towns into dir: the county's
// site.toml, and each town's site folder under towns/SLUG/ with its own
// site.toml and exports, each from its own seed (o.Seed + its place) and,
// after the first, without some of the power list's items. Each town's
// exports and site.toml name it (Options.Name).
func WriteCounty(dir string, n int, o Options) ([]Summary, error) {
	if n < 1 || n > len(CountyTowns) {
		return nil, fmt.Errorf("sample: a sample county has 1 to %d towns, not %d", len(CountyTowns), n)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(countyTOML), 0o644); err != nil {
		return nil, err
	}
	var out []Summary
	for i, t := range CountyTowns[:n] {
		tdir := filepath.Join(dir, "towns", t.Slug)
		if err := os.MkdirAll(tdir, 0o755); err != nil {
			return nil, err
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(t.Name, "镇"), "街道")
		toml := strings.NewReplacer("{name}", t.Name, "{stem}", stem, "{slug}", t.Slug).Replace(townTOML)
		if err := os.WriteFile(filepath.Join(tdir, "site.toml"), []byte(toml), 0o644); err != nil {
			return nil, err
		}
		to := o
		to.Seed = o.Seed + uint64(i)
		to.Name = t.Name
		if i > 0 {
			to.OmitPowers = CountyOmitPowers
		}
		sum, err := Write(tdir, to)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	return out, nil
}

const countyTOML = `# 示例县 (a fictional county): a county site over the towns in towns/SLUG/.
# gongshi build --source DIR builds the county portal and every town's
# portal under /SLUG/; each town's site.toml governs its own disclosure.
title = "示例县乡镇政务公开"
description = "示例县各镇（街道）行政处罚决定、权力清单、办事指南和统计数据公开。"
base_url = "/"
language = "zh-CN"

[county]
name = "示例县"

[publisher]
sponsor = "示例县人民政府办公室"
organizer = "示例县政务公开办公室"
site_code = "3300000000"
icp = "示ICP备00000000号"
public_sec = "示公网安备 00000000000000号"
address = "示例县府前路1号"
phone = "0000-0000000"
complaints = "0000-12345"
email = "gongkai@example.gov.cn"
portal_name = "示例县人民政府门户网站"
portal_url = "https://www.example.gov.cn/"

[opendata]
license = "政府信息公开，可自由引用，请注明来源：示例县人民政府"
`

const townTOML = `# {name} (a fictional town) of the sample county: its own identity and
# disclosure rules. The county builds it under the county's base URL + {slug}/.
title = "{name}政务公开"
town = "{name}"
description = "{name}行政处罚决定、权力清单、办事指南和统计数据公开专栏。"
base_url = "/{slug}/"
language = "zh-CN"
page_size = 50

[publisher]
sponsor = "示例县{name}人民政府"
organizer = "{name}党政综合办公室"
site_code = "3300000000"
icp = "示ICP备00000000号"
public_sec = "示公网安备 00000000000000号"
address = "示例县{name}政府路1号"
phone = "0000-0000000"
complaints = "0000-12345"
email = "{slug}@example.gov.cn"
portal_name = "示例县人民政府门户网站"
portal_url = "https://www.example.gov.cn/"

[disclosure]
name_mask = "某某"

[opendata]
license = "政府信息公开，可自由引用，请注明来源：示例县{name}人民政府"

[updates]
day = 10
`
