// Command gongshi builds a town's transparency portal from its exports.
//
// It only parses flags and calls generator/…; see README.md.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/changelog"
	"gongshi/generator/config"
	"gongshi/generator/county"
	"gongshi/generator/diag"
	"gongshi/generator/memlimit"
	"gongshi/generator/sample"
	"gongshi/generator/scaffold"
	"gongshi/generator/serve"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// memoryLimit is the soft limit of the Go heap unless GOMEMLIMIT says
// otherwise: the garbage collector works harder near it instead of letting
// the heap double, which keeps a 100k-decision build under 1 GiB. The
// limit rises to liveHeadroom times the live heap when that is more
// (memlimit.Float), so a larger build's collector never runs back to back.
const memoryLimit = 768 << 20

// liveHeadroom is how far above the live heap the limit stays: at 1M
// decisions (BenchmarkBuildSample/cases=1000000) it gives the heap room
// to grow by half between collections.
const liveHeadroom = 1.5

// gcPercent is the garbage collector's target unless GOGC says otherwise:
// a build is short-lived and the memory limit bounds the heap, so it may
// grow twice as far between collections as Go's default lets it.
const gcPercent = 200

func main() {
	stopLimit := func() {}
	if os.Getenv("GOMEMLIMIT") == "" {
		stopLimit = memlimit.Float(memoryLimit, liveHeadroom, 100*time.Millisecond)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	stopLimit()
	os.Exit(code)
}

const usage = `gongshi builds a town's transparency portal from its exports.

Usage:
  gongshi build   [--source DIR] [--dest DIR] [--base-url URL] [--dry-run] [--compact]  build the site
  gongshi check   [--source DIR] [--format text|json] [--all]    validate config and data, write nothing
  gongshi serve   [--source DIR] [--port 1313]                   build and serve on localhost, rebuild on change
  gongshi new     DIR                                            scaffold a new town site
  gongshi sample  [--cases N] [--seed S] [--county N] DIR        write a synthetic town's exports (or a county of N towns)
  gongshi build   --source COUNTY --only SLUG --dest DIR          build one town's part of a county
  gongshi merge   --source COUNTY --dest DIR PART...              build a county from its towns' parts
  gongshi version                                                print the version

Exit codes: 0 success, 1 data errors (diagnostics printed), 2 usage.
Run "gongshi COMMAND --help" for a command's flags.
`

// exit codes
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

// writeHeapProfile collects garbage and writes the live heap's profile to
// name; errors are ignored, as the profile is only for performance work.
func writeHeapProfile(name string) {
	runtime.GC()
	if f, err := os.Create(name); err == nil {
		pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(ctx, rest, stdout, stderr)
	case "check":
		return cmdCheck(ctx, rest, stdout, stderr)
	case "merge":
		return cmdMerge(ctx, rest, stdout, stderr)
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "new":
		return cmdNew(rest, stdout, stderr)
	case "sample":
		return cmdSample(rest, stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "gongshi", version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "gongshi: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: gongshi %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags and reports a usage error as exit 2 (0 for --help).
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [--source DIR] [--dest DIR] [--base-url URL]", stderr)
	src := fs.String("source", ".", "site folder (with site.toml, data/, content/)")
	dest := fs.String("dest", "", "output folder (default SOURCE/public)")
	base := fs.String("base-url", "", "absolute URL the site is served from, e.g. https://www.example.gov.cn/zfxxgk/qingxi/ (overrides site.toml)")
	verbose := fs.Bool("verbose", false, "log the phases of the build")
	dryRun := fs.Bool("dry-run", false, "say what would change since the previous build, and write nothing")
	compact := fs.Bool("compact", false, "rewrite the search index in one fresh layout, not extending the previous build's")
	previous := fs.String("previous", "", "a previous build's output to compare with (default: the destination folder)")
	noCache := fs.Bool("no-cache", false, "parse every export and scan every kept page again instead of reusing what earlier builds found")
	only := fs.String("only", "", "of a county site: build only the part of the town towns/SLUG/ into --dest, for gongshi merge")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file (for performance work)")
	memprofile := fs.String("memprofile", "", "write a profile of the memory allocated to this file (for performance work)")
	heapprofile := fs.String("heapprofile", "", "write a profile of the live heap as each phase ends to FILE-PHASE (for performance work)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *memprofile != "" {
		defer func() {
			if f, err := os.Create(*memprofile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "gongshi build:", err)
			return exitUsage
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gongshi build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	isCounty, err := county.IsCounty(*src)
	if err != nil {
		return reportErr(stderr, err, false)
	}
	if isCounty {
		if *dryRun {
			fmt.Fprintln(stderr, "gongshi build: --dry-run is not available for a county site")
			return exitUsage
		}
		co := county.Options{Source: *src, Dest: *dest, BaseURL: *base, Only: *only, Compact: *compact, Previous: *previous,
			Logger: logger(stderr, *verbose), CacheDir: cacheDir(*noCache), Program: programID()}
		sum, err := county.Build(ctx, co)
		return countyReport(stdout, stderr, sum, err)
	}
	if *only != "" {
		fmt.Fprintf(stderr, "gongshi build: --only %q: %s is a town site, not a county site ([county] in site.toml)\n", *only, *src)
		return exitUsage
	}
	opts := build.Options{Source: *src, Dest: *dest, BaseURL: *base, Logger: logger(stderr, *verbose), DryRun: *dryRun, Compact: *compact, Previous: *previous, CacheDir: cacheDir(*noCache)}
	if *heapprofile != "" {
		opts.AfterPhase = func(phase string) { writeHeapProfile(*heapprofile + "-" + strings.ReplaceAll(phase, "+", "-")) }
	}
	sum, err := build.Build(ctx, opts)
	if sum != nil {
		sum.Diags.Print(stderr, 10, diag.Warning)
	}
	if err != nil {
		return reportErr(stderr, err, false)
	}
	if *dryRun {
		printUpdate(stdout, sum)
		fmt.Fprintln(stdout, "dry run: nothing was written")
		return exitOK
	}
	printSummary(stdout, sum, opts.Dest, *src)
	printUpdate(stdout, sum)
	return exitOK
}

// printUpdate says what this build changes against the previous one.
func printUpdate(w io.Writer, sum *build.Summary) {
	if sum.FirstBuild {
		fmt.Fprintln(w, "changes: first build (no previous manifest to compare with)")
		return
	}
	u := sum.Update
	if u.Empty() {
		fmt.Fprintln(w, "changes: none since the previous build")
		return
	}
	fmt.Fprintf(w, "changes: %d added, %d changed, %d withdrawn, %d expired, %d removed; %d figures changed\n",
		len(u.Added), len(u.Changed), len(u.Withdrawn), len(u.Expired), len(u.Removed), len(u.Figures))
	list := func(label string, items []changelog.Item) {
		for i, it := range items {
			if i == 10 {
				fmt.Fprintf(w, "  … and %d more %s\n", len(items)-10, label)
				break
			}
			extra := ""
			if len(it.Fields) > 0 {
				extra = " (" + strings.Join(it.Fields, "、") + ")"
			}
			fmt.Fprintf(w, "  %-9s %s %s%s\n", label, it.Dataset, it.Title, extra)
		}
	}
	list("added", u.Added)
	list("changed", u.Changed)
	list("withdrawn", u.Withdrawn)
	list("expired", u.Expired)
	list("removed", u.Removed)
}

// cacheDir is where builds keep parsed exports and the personal-data
// check's rules: the user's cache folder, or none when it cannot be found
// or --no-cache is given.
func cacheDir(off bool) string {
	if off {
		return ""
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "gongshi", "parse")
}

// reportErr prints err's last line and gives the exit code; checking says
// that the command was gongshi check, which writes nothing either way.
func reportErr(stderr io.Writer, err error, checking bool) int {
	var ce *config.Error
	switch {
	case errors.Is(err, build.ErrData) && checking:
		fmt.Fprintln(stderr, "gongshi check: the data has errors (listed above)")
		return exitData
	case errors.Is(err, build.ErrData):
		fmt.Fprintln(stderr, "gongshi: build failed: the data has errors (listed above); nothing was written")
		return exitData
	case errors.As(err, &ce):
		fmt.Fprintln(stderr, ce.Error())
		return exitData
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "gongshi: interrupted; nothing was written")
		return exitData
	}
	fmt.Fprintf(stderr, "gongshi: %v\n", err)
	return exitData
}

func printSummary(w io.Writer, sum *build.Summary, dest, src string) {
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	r := sum.Result
	fmt.Fprintf(w, "read   %d decisions (%d published, %d withheld, %d withdrawn), ",
		sum.Counts["cases"], len(r.Cases), len(r.Withheld)-len(r.Withdrawn), len(r.Withdrawn))
	for _, k := range r.Kinds {
		fmt.Fprintf(w, "%d %s (%d published, %d withdrawn), ", sum.Counts[k.Name], k.Title, len(r.Items[k.Name]), len(r.ItemsWithdrawn[k.Name]))
	}
	fmt.Fprintf(w, "%d powers, %d services, %d statistics values, %d pages\n", sum.Counts["powers"], sum.Counts["services"], sum.Counts["stats"], sum.Counts["pages"])
	fmt.Fprintf(w, "wrote  %d pages, %d files (%d unchanged, kept), %.1f MB to %s\n", sum.Pages, sum.Written, sum.Kept, float64(sum.Bytes)/1e6, dest)
	if n := sum.Diags.Count(diag.Warning); n > 0 {
		fmt.Fprintf(w, "       %d warnings (gongshi check lists them all)\n", n)
	}
	fmt.Fprintf(w, "done   in %s\n", sum.Duration.Round(time.Millisecond))
}

func logger(w io.Writer, verbose bool) *slog.Logger {
	lvl := slog.LevelWarn
	if verbose {
		lvl = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [--source DIR] [--previous DIR] [--format text|json] [--all]", stderr)
	src := fs.String("source", ".", "site folder")
	previous := fs.String("previous", "", "the published output whose manifest says what was published before, for the publication and withdrawal dates (default SOURCE/public)")
	format := fs.String("format", "text", "output format: text or json")
	all := fs.Bool("all", false, "print every diagnostic, not 10 per file")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "gongshi check: --format %q: want text or json\n", *format)
		return exitUsage
	}
	sum, err := build.Check(ctx, build.Options{Source: *src, Previous: *previous})
	if sum != nil {
		if *format == "json" {
			if err := build.WriteCheckJSON(stdout, sum); err != nil {
				fmt.Fprintln(stderr, "gongshi:", err)
				return exitData
			}
		} else {
			cap := 10
			if *all {
				cap = 0
			}
			build.WriteCheckText(stdout, sum, cap)
		}
	}
	if err != nil {
		return reportErr(stderr, err, true)
	}
	return exitOK
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [--source DIR] [--port 1313]", stderr)
	src := fs.String("source", ".", "site folder")
	port := fs.Int("port", 1313, "port on 127.0.0.1 (0 picks a free one)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	err := serve.Run(ctx, serve.Options{Source: *src, Port: *port, Out: stdout, Err: stderr, CacheDir: cacheDir(false)})
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "gongshi serve:", err)
		return exitData
	}
	return exitOK
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "new DIR", stderr)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	dir := fs.Arg(0)
	if err := scaffold.Write(dir); err != nil {
		fmt.Fprintln(stderr, "gongshi new:", err)
		return exitData
	}
	fmt.Fprintf(stdout, "created a new site in %s\nnext: edit %s, put exports in %s, then run: gongshi build --source %s\n",
		dir, filepath.Join(dir, "site.toml"), filepath.Join(dir, "data")+string(filepath.Separator), dir)
	return exitOK
}

func cmdSample(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sample", "sample [--cases N] [--seed S] [--county N] DIR", stderr)
	def := sample.DefaultOptions()
	cases := fs.Int("cases", def.Cases, "number of penalty decisions to generate")
	seed := fs.Uint64("seed", def.Seed, "random seed; the same seed gives the same files")
	towns := fs.Int("county", 0, "write a county site of this many towns (each with --cases decisions, seeds S, S+1, …) instead of one town")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	if *cases < 1 {
		fmt.Fprintln(stderr, "gongshi sample: --cases must be at least 1")
		return exitUsage
	}
	o := def
	o.Cases, o.Seed = *cases, *seed
	if *towns != 0 {
		sums, err := sample.WriteCounty(fs.Arg(0), *towns, o)
		if err != nil {
			fmt.Fprintln(stderr, "gongshi sample:", err)
			return exitData
		}
		for i, sum := range sums {
			fmt.Fprintf(stdout, "wrote %s: %d decisions, %d powers, %d services\n", sample.CountyTowns[i].Name, sum.Cases, sum.Powers, sum.Services)
		}
		fmt.Fprintf(stdout, "wrote a county of %d towns in %s; build it with: gongshi build --source %s\n", len(sums), fs.Arg(0), fs.Arg(0))
		return exitOK
	}
	sum, err := sample.Write(fs.Arg(0), o)
	if err != nil {
		fmt.Fprintln(stderr, "gongshi sample:", err)
		return exitData
	}
	fmt.Fprintf(stdout, "wrote %d decisions, %d powers (%d changes in the register), %d services, %d months of statistics, %d licences, %d inspections, %d coercive measures in %d files under %s\n",
		sum.Cases, sum.Powers, sum.PowerChanges, sum.Services, sum.StatMonths, sum.Licences, sum.Inspections, sum.Coercion, len(sum.Files), filepath.Join(fs.Arg(0), "data"))
	return exitOK
}

func cmdMerge(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("merge", "merge --source COUNTY [--dest DIR] PART...", stderr)
	src := fs.String("source", ".", "county site folder (site.toml with [county], towns/SLUG/)")
	dest := fs.String("dest", "", "output folder (default SOURCE/public)")
	base := fs.String("base-url", "", "absolute URL the county is served from (overrides site.toml; give the parts' --base-url)")
	verbose := fs.Bool("verbose", false, "log the phases of the merge")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "gongshi merge: name the folder of each town's part (gongshi build --only SLUG --dest DIR)")
		return exitUsage
	}
	co := county.Options{Source: *src, Dest: *dest, BaseURL: *base, Logger: logger(stderr, *verbose), Program: programID()}
	sum, err := county.Merge(ctx, co, fs.Args())
	return countyReport(stdout, stderr, sum, err)
}

// countyReport prints a county build's diagnostics and summary.
func countyReport(stdout, stderr io.Writer, sum *county.Summary, err error) int {
	if sum != nil {
		sum.Diags.Print(stderr, 10, diag.Warning)
	}
	if err != nil {
		return reportErr(stderr, err, false)
	}
	for _, t := range sum.Towns {
		if t.Summary != nil {
			fmt.Fprintf(stdout, "town   %-10s %d pages, %d files in %s\n", t.Slug, t.Summary.Pages, t.Summary.Written, t.Duration.Round(time.Millisecond))
		}
	}
	if sum.Pages > 0 {
		fmt.Fprintf(stdout, "county %d towns, %d county pages, %d files\n", len(sum.Towns), sum.Pages, sum.Files)
	}
	fmt.Fprintf(stdout, "done   in %s\n", sum.Duration.Round(time.Millisecond))
	return exitOK
}

// programID names this program for the parts of a county: its version
// and a hash of its binary, so that a merge refuses parts another build
// of gongshi wrote.
func programID() string {
	exe, err := os.Executable()
	if err != nil {
		return version
	}
	f, err := os.Open(exe)
	if err != nil {
		return version
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return version
	}
	return version + "+" + hex.EncodeToString(h.Sum(nil)[:8])
}
