// Reads a Stryker JSON report (mutation-report.json) and the list of equivalent mutants (equivalent-mutants.md),
// writes a per-file table next to the report and prints one line:
//   Mutation score: X% (killed K, survived S, listed equivalent E, timeout T, no coverage N, tested M)
// where score = K / (K + S), S counts surviving mutants that are not listed as equivalent, and M counts every mutant
// that compiled and was not filtered out (K + S + E + T + N). ./mutate runs it: dotnet run mutation/Score.cs -- REPORT LIST
//
// A listed mutant matches by file (the end of its path), mutator, and the mutated code and its replacement with runs of
// white space folded into one space, not by line: code moves. When several mutants share all four, the listed line
// picks the nearest. A surviving or uncovered mutant that an entry matches counts as equivalent; an entry that matches
// nothing, or matches a killed mutant, is printed as a warning (the list is stale; fix it).
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run mutation/Score.cs -- mutation-report.json equivalent-mutants.md");
    return 2;
}

using JsonDocument report = JsonDocument.Parse(File.ReadAllText(args[0]));
List<Equivalent> listed = Equivalent.ReadList(args[1]);

var mutants = new List<Mutant>();
foreach (JsonProperty file in report.RootElement.GetProperty("files").EnumerateObject())
{
    string path = file.Name.Replace('\\', '/');
    string[] lines = file.Value.GetProperty("source").GetString()!.Split('\n');
    foreach (JsonElement m in file.Value.GetProperty("mutants").EnumerateArray())
    {
        JsonElement location = m.GetProperty("location");
        mutants.Add(new Mutant(
            path,
            m.GetProperty("mutatorName").GetString()!,
            Text.Fold(Text.Slice(lines, location)),
            Text.Fold(m.TryGetProperty("replacement", out JsonElement r) ? r.GetString() ?? "" : ""),
            location.GetProperty("start").GetProperty("line").GetInt32(),
            m.GetProperty("status").GetString()!));
    }
}

// Each entry claims the nearest unclaimed mutant with its file, mutator and texts.
var equivalent = new HashSet<Mutant>(ReferenceEqualityComparer.Instance);
int warnings = 0;
foreach (Equivalent entry in listed)
{
    Mutant? best = null;
    foreach (Mutant m in mutants)
    {
        if (entry.Matches(m) && !equivalent.Contains(m)
            && (best is null || Math.Abs(m.Line - entry.Line) < Math.Abs(best.Line - entry.Line)))
        {
            best = m;
        }
    }

    if (best is null)
    {
        // Only a warning when the file was mutated in this run: a run over a subset skips the other files' entries.
        if (mutants.Any(m => entry.IsIn(m.File)))
        {
            Console.WriteLine($"warning: equivalent-mutants.md line {entry.ListLine} matches no mutant (stale?): {entry.Raw}");
            warnings++;
        }
    }
    else if (best.Status is "Survived" or "NoCoverage")
    {
        equivalent.Add(best);
    }
    else
    {
        Console.WriteLine($"warning: equivalent-mutants.md line {entry.ListLine} lists a mutant that was {best.Status}: {entry.Raw}");
        warnings++;
    }
}

static bool Counted(Mutant m) => m.Status is "Killed" or "Survived" or "Timeout" or "NoCoverage";

var table = new StringBuilder();
table.AppendLine("| file | mutants | killed | survived | equivalent | timeout | no coverage | score |");
table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
Tally total = default;
foreach (IGrouping<string, Mutant> group in mutants.Where(Counted).GroupBy(m => m.File).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Tally tally = Tally.Of(group, equivalent);
    total = total.Plus(tally);
    table.AppendLine(tally.Row(Text.Short(group.Key)));
}

table.AppendLine(total.Row("**total**"));
string tablePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(args[0]))!, "per-file.md");
File.WriteAllText(tablePath, table.ToString());

var survivors = new StringBuilder();
foreach (Mutant m in mutants.Where(m => m.Status is "Survived" or "NoCoverage" && !equivalent.Contains(m))
             .OrderBy(m => m.File, StringComparer.Ordinal).ThenBy(m => m.Line))
{
    survivors.AppendLine(
        $"| {Text.Short(m.File)} | {m.Line} | {m.Mutator} | `{Text.Bar(m.Original)}` | `{Text.Bar(m.Replacement)}` | {m.Status} |");
}

File.WriteAllText(Path.Combine(Path.GetDirectoryName(tablePath)!, "survivors.md"), survivors.ToString());
Console.WriteLine($"Per-file figures: {tablePath}; surviving mutants not listed as equivalent: survivors.md next to it.");
Console.WriteLine(
    $"Mutation score: {total.Score} (killed {total.Killed}, survived {total.Survived}, listed equivalent {total.Equivalent}, "
    + $"timeout {total.Timeout}, no coverage {total.NoCoverage}, tested {total.Tested})");
return 0;

/// <summary>One mutant of the report: where, what, and what became of it.</summary>
internal sealed record Mutant(string File, string Mutator, string Original, string Replacement, int Line, string Status);

/// <summary>The counts of one file, or of all.</summary>
internal readonly record struct Tally(int Killed, int Survived, int Equivalent, int Timeout, int NoCoverage)
{
    public int Tested => Killed + Survived + Equivalent + Timeout + NoCoverage;

    public string Score => Killed + Survived == 0
        ? "n/a"
        : (100.0 * Killed / (Killed + Survived)).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static Tally Of(IEnumerable<Mutant> mutants, HashSet<Mutant> equivalent)
    {
        Tally t = default;
        foreach (Mutant m in mutants)
        {
            t = equivalent.Contains(m) ? t with { Equivalent = t.Equivalent + 1 } : m.Status switch
            {
                "Killed" => t with { Killed = t.Killed + 1 },
                "Survived" => t with { Survived = t.Survived + 1 },
                "Timeout" => t with { Timeout = t.Timeout + 1 },
                _ => t with { NoCoverage = t.NoCoverage + 1 },
            };
        }

        return t;
    }

    public Tally Plus(Tally o) =>
        new(Killed + o.Killed, Survived + o.Survived, Equivalent + o.Equivalent, Timeout + o.Timeout, NoCoverage + o.NoCoverage);

    public string Row(string name) =>
        $"| {name} | {Tested} | {Killed} | {Survived} | {Equivalent} | {Timeout} | {NoCoverage} | {Score} |";
}

/// <summary>One line of equivalent-mutants.md: | file | line | mutator | `original` | `replacement` | why |.</summary>
internal sealed record Equivalent(string File, int Line, string Mutator, string Original, string Replacement, int ListLine, string Raw)
{
    public bool IsIn(string path) => path.EndsWith("/" + File, StringComparison.Ordinal) || path == File;

    public bool Matches(Mutant m) =>
        IsIn(m.File) && m.Mutator == Mutator && m.Original == Original && m.Replacement == Replacement;

    public static List<Equivalent> ReadList(string path)
    {
        var list = new List<Equivalent>();
        string[] lines = System.IO.File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            // A data row: starts with '|', its second cell is a line number (the header and the rule are not).
            if (!line.StartsWith('|'))
            {
                continue;
            }

            List<string> cells = Text.Cells(line);
            if (cells.Count < 6 || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out int at))
            {
                continue;
            }

            list.Add(new Equivalent(cells[0], at, cells[2], Text.Fold(Text.Unquote(cells[3])),
                Text.Fold(Text.Unquote(cells[4])), i + 1, line));
        }

        return list;
    }
}

/// <summary>Text helpers: the code a location spans, white space folding, Markdown table cells.</summary>
internal static partial class Text
{
    public static string Slice(string[] lines, JsonElement location)
    {
        JsonElement start = location.GetProperty("start"), end = location.GetProperty("end");
        int l0 = start.GetProperty("line").GetInt32() - 1, c0 = start.GetProperty("column").GetInt32() - 1;
        int l1 = end.GetProperty("line").GetInt32() - 1, c1 = end.GetProperty("column").GetInt32() - 1;
        if (l0 == l1)
        {
            return lines[l0][c0..Math.Min(c1, lines[l0].Length)];
        }

        var text = new StringBuilder(lines[l0][c0..]);
        for (int l = l0 + 1; l < l1; l++)
        {
            text.Append('\n').Append(lines[l]);
        }

        return text.Append('\n').Append(lines[l1][..Math.Min(c1, lines[l1].Length)]).ToString();
    }

    public static string Bar(string code) => code.Replace("|", "\\|", StringComparison.Ordinal);

    public static string Fold(string text) => Spaces().Replace(text, " ").Trim();

    public static string Short(string path)
    {
        int src = path.LastIndexOf("/src/", StringComparison.Ordinal);
        return src < 0 ? path : path[(src + 5)..];
    }

    public static string Unquote(string cell) =>
        cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1].Replace("\\|", "|", StringComparison.Ordinal) : cell;

    // Splits "| a | b \| c | d |" into cells; a backslash-escaped bar stays inside its cell.
    public static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (int i = 1; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length && row[i + 1] == '|')
            {
                cell.Append("\\|");
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(row[i]);
            }
        }

        return cells;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
