package importer

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/backload/backload"
)

const (
	strongHeader   = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
	strongRow      = "2024-03-04 07:05:10,A,1h,Squat (Barbell),1,100,5,0,0,,,8\n"
	semicolonHead  = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\n"
	hevyHeader     = "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
	hevyRow        = "Push,\"17 Sep 2025, 18:10\",\"17 Sep 2025, 19:00\",,Dips,,,0,normal,,12,,,\n"
	fitNotesHeader = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
)

// strongWith is a Strong file whose second data row (line 3) has field i
// replaced by v.
func strongWith(i int, v string) string {
	f := strings.Split(strings.TrimSuffix(strongRow, "\n"), ",")
	f[i] = v
	return strongHeader + strongRow + strings.Join(f, ",") + "\n"
}

func TestParseErrors(t *testing.T) {
	pounds := testOptions(FormatAuto)
	pounds.Unit = backload.Pounds
	for _, tc := range []struct {
		name  string
		in    string
		opts  Options
		field string
		msg   string
	}{
		{"UnknownHeader", "foo,bar\n1,2\n", Options{}, "line 1", "unknown header"},
		{"EmptyFile", "", Options{}, "line 1", "empty"},
		{"BlankFirstLine", "\n" + strongHeader, Options{}, "line 1", "blank line"},
		{"UTF16", "\xff\xfeD\x00a\x00", Options{}, "line 1", "UTF-16"},
		{"WeightNotANumber", strongWith(5, "abc"), Options{}, "line 3, column Weight", `"abc" is not a number`},
		{"WeightNaN", strongWith(5, "NaN"), Options{}, "line 3, column Weight", "not a number"},
		{"WeightInf", strongWith(5, "Inf"), Options{}, "line 3, column Weight", "not a number"},
		{"WeightNegative", strongWith(5, "-5"), Options{}, "line 3, column Weight", "negative"},
		{"WeightAbsurd", strongWith(5, "1200"), Options{}, "line 3, column Weight", "more than 1000 kg"},
		{"WeightAbsurdPounds", strongWith(5, "2300"), pounds, "line 3, column Weight", "more than 1000 kg"},
		{"RepsNotANumber", strongWith(6, "five"), Options{}, "line 3, column Reps", `"five" is not a number`},
		{"RepsFraction", strongWith(6, "10.5"), Options{}, "line 3, column Reps", "not a whole number"},
		{"RepsNegative", strongWith(6, "-2"), Options{}, "line 3, column Reps", "negative"},
		{"RPEAbove10", strongWith(11, "11"), Options{}, "line 3, column RPE", "outside 0 to 10"},
		{"RPENegative", strongWith(11, "-1"), Options{}, "line 3, column RPE", "outside 0 to 10"},
		{"DateUnknownFormat", strongWith(0, "10/02/2021 16:46"), Options{}, "line 3, column Date", "no known format"},
		{"DateImplausible", strongWith(0, "0001-01-01 00:00:00"), Options{}, "line 3, column Date", "not a plausible date"},
		{"DateEmpty", strongWith(0, ""), Options{}, "line 3, column Date", "empty"},
		{"SetOrder", strongWith(4, "X"), Options{}, "line 3, column Set Order", "not a set order"},
		{"EmptyExercise", strongWith(3, " "), Options{}, "line 3, column Exercise Name", "empty"},
		{"Duration", strongHeader + strings.Replace(strongRow, "1h", "an hour", 1), Options{}, "line 2, column Duration", "not a duration"},
		{"SecondsNegative", strongWith(8, "-3"), Options{}, "line 3, column Seconds", "negative"},
		{"SecondsAbsurd", strongWith(8, "100000"), Options{}, "line 3, column Seconds", "more than 86400"},
		{"Distance", strongWith(7, "far"), Options{}, "line 3, column Distance", "not a number"},
		{"TooFewFields", strongHeader + strongRow + "2024-03-04 07:05:10,A,1h\n", Options{}, "line 3", "3 fields where the header has 12"},
		{"TooManyFields", strongHeader + strings.TrimSuffix(strongRow, "\n") + ",extra\n", Options{}, "line 2", "13 fields where the header has 12"},
		{"TruncatedQuote", strongHeader + strongRow + `2024-03-04 07:05:10,A,1h,"Squat (Barbell),1,100,5,0,0,,,8` + "\n", Options{}, "line 3, column Exercise Name", "not closed"},
		{"BareQuote", strongHeader + `2024-03-04 07:05:10,A,1h,Squat "Bar",1,100,5,0,0,,,8` + "\n", Options{}, "line 2, column Exercise Name", "quote"},
		{"StrayQuote", strongHeader + `2024-03-04 07:05:10,A,1h,"Squat" x,1,100,5,0,0,,,8` + "\n", Options{}, "line 2, column Exercise Name", "quote"},
		{"ErrorLineAfterMultilineField", strongHeader + "2024-03-04 07:05:10,A,1h,Squat (Barbell),1,100,5,0,0,\"two\nlines\",,x\n", Options{}, "line 3, column RPE", `"x" is not a number`},
		{"SemicolonUnit", semicolonHead + "2019-01-11 12:31:54;Leg;Squat;1;100;stone;5;;;;0;;\n", Options{}, "line 2, column Weight Unit", "not a weight unit"},
		{"SemicolonDistanceUnit", semicolonHead + "2019-01-11 12:31:54;Leg;Row;1;;;;;2;leagues;0;;\n", Options{}, "line 2, column Distance Unit", "not a distance unit"},
		{"HevySetType", hevyHeader + strings.Replace(hevyRow, "normal", "superset", 1), Options{}, "line 2, column set_type", "not a set type"},
		{"HevyDate", hevyHeader + strings.Replace(hevyRow, "17 Sep 2025, 18:10", "2025/09/17 18:10", 1), Options{}, "line 2, column start_time", "no known format"},
		{"HevyEndDate", hevyHeader + strings.Replace(hevyRow, "17 Sep 2025, 19:00", "later", 1), Options{}, "line 2, column end_time", "no known format"},
		{"HevyWeight", hevyHeader + strings.Replace(hevyRow, ",,12,", ",heavy,12,", 1), Options{}, "line 2, column weight_kg", "not a number"},
		{"HevyRPE", hevyHeader + strings.Replace(hevyRow, ",,,\n", ",,,10.5\n", 1), Options{}, "line 2, column rpe", "outside 0 to 10"},
		{"FitNotesUnit", fitNotesHeader + "2021-06-01,Squat,Legs,100,stone,5,,,,\n", Options{}, "line 2, column Weight Unit", "not a weight unit"},
		{"FitNotesTime", fitNotesHeader + "2021-06-01,Plank,Abs,,,,,,1:xx,\n", Options{}, "line 2, column Time", "not a time"},
		{"FitNotesDate", fitNotesHeader + "01/06/2021,Squat,Legs,100,kgs,5,,,,\n", Options{}, "line 2, column Date", "no known format"},
		{"FitNotesReps", fitNotesHeader + "2021-06-01,Squat,Legs,100,kgs,many,,,,\n", Options{}, "line 2, column Reps", "not a number"},
		{"FitNotesTooFew", fitNotesHeader + "2021-06-01,Squat,Legs,100\n", Options{}, "line 2", "4 fields where the header has 10"},
		{"FitNotesTooMany", fitNotesHeader + "2021-06-01,Squat" + strings.Repeat(",", 300) + "\n", Options{}, "line 2", "302 fields where the header has 10"},
		{"WrongFormatAsked", strongHeader + strongRow, testOptions(FormatHevy), "line 1", `no "title" column: this is not a Hevy export`},
		{"FitNotesAsked", hevyHeader + hevyRow, testOptions(FormatFitNotes), "line 1", "not a FitNotes export"},
		{"BackloadAsked", strongHeader + strongRow, testOptions(FormatBackload), "the file", "invalid JSON"},
		{"TooManyColumns", strings.Repeat("x,", 200) + "x\n", testOptions(FormatStrong), "line 1", "201 columns"},
		{"FieldTooLong", strongWith(9, strings.Repeat("n", maxFieldLen+1)), Options{}, "line 3, column Notes", "longer than 64 KiB"},
		{"QuoteLeftOpen", strongHeader + strongRow + `2024-03-04 07:05:10,A,1h,Squat,1,100,5,0,0,"` + strings.Repeat("a long note,\n", 50000), Options{}, "line 3", "longer than 512 KiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := parseErr(t, tc.in, tc.opts)
			if e.Code != backload.EINVALID || e.Field != tc.field || !strings.Contains(e.Message, tc.msg) {
				t.Errorf("got %s %q: %q; want %s %q: ...%q...", e.Code, e.Field, e.Message, backload.EINVALID, tc.field, tc.msg)
			}
		})
	}
}

func TestOptionErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  Options
		code  string
		field string
	}{
		{"Unit", Options{Unit: "stone", Classify: testClassify}, backload.EINVALID, "unit"},
		{"Format", Options{Format: "csv", Classify: testClassify}, backload.EINVALID, "format"},
		{"NoClassify", Options{}, backload.EINTERNAL, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(strongHeader+strongRow), -1, tc.opts)
			var e *backload.Error
			if !errors.As(err, &e) || e.Code != tc.code || e.Field != tc.field {
				t.Errorf("error %v, want %s on %q", err, tc.code, tc.field)
			}
		})
	}
}

func TestReadErrorIsInternal(t *testing.T) {
	boom := errors.New("disk on fire")
	in := io.MultiReader(strings.NewReader(strongHeader+strongRow), iotest.ErrReader(boom))
	_, err := Parse(in, -1, testOptions(FormatAuto))
	if !errors.Is(err, boom) || backload.ErrorCode(err) != backload.EINTERNAL {
		t.Errorf("error %v (code %s), want the read error wrapped, internal", err, backload.ErrorCode(err))
	}
	in = io.MultiReader(strings.NewReader(`{"version": 1, "sessions": [`), iotest.ErrReader(boom))
	_, err = Parse(in, -1, testOptions(FormatAuto))
	if !errors.Is(err, boom) || backload.ErrorCode(err) != backload.EINTERNAL {
		t.Errorf("JSON: error %v (code %s), want the read error wrapped, internal", err, backload.ErrorCode(err))
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": FormatAuto, "auto": FormatAuto, "Strong": FormatStrong, " hevy ": FormatHevy, "fitnotes": FormatFitNotes, "backload": FormatBackload} {
		if got, err := ParseFormat(in); got != want || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("excel"); backload.ErrorCode(err) != backload.EINVALID {
		t.Errorf("ParseFormat(excel) error %v", err)
	}
}
