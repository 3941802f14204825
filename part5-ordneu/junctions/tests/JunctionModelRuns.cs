using System.Globalization;
using Traces.Conformance;
using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>
/// Random operation mixes (inserts, removes, expunges, writes through held set views) interleaved with several live
/// iterators stepped from both ends, checked after every step against <see cref="RelationModel"/>, including every
/// element each iterator yields. <see cref="ModelRun"/> draws them, one family per junction kind and backing, and
/// shrinks a failure to a test that can be pasted into the backing's subclass.
/// </summary>
public abstract class JunctionModelRuns
{
    /// <summary>Gets the backing under test.</summary>
    protected abstract IPairStoreFactory Backing { get; }

    /// <summary>Gets how many sequences each junction kind runs in an ordinary test run.</summary>
    protected virtual int Sequences => 1_000;

    /// <summary>Gets the longest list of choices a sequence reads; a step reads four to seven.</summary>
    protected virtual int MaxChoices => 450;

    /// <summary>Gets how many operations a sequence runs at most.</summary>
    protected virtual int Steps => 250;

    [Theory]
    [Trait("Runs", "model")]
    [InlineData(JunctionKind.OneToOne)]
    [InlineData(JunctionKind.OneToMany)]
    [InlineData(JunctionKind.ManyToOne)]
    [InlineData(JunctionKind.ManyToMany)]
    public void Random_operations_and_live_iterators_agree_with_the_model(JunctionKind kind) =>
        ModelRun.Check(
            $"junctions: {kind} on {BackingNames.Of(Backing)}",
            (choices, log) => new Run(kind, Backing, choices, log).Execute(Steps),
            Sequences,
            MaxChoices);

    /// <summary>
    /// Checks a junction's two sides against the checklist, the forward side against <paramref name="pairs"/>, and every
    /// held set view against the pairs of its key: what a run checks after every step, and what a printed run's
    /// <c>Verify</c> calls.
    /// </summary>
    internal static void Check(
        PairMap<int, int> fwd, PairMap<int, int> bwd, ValueSet<int, int>[] fwdHeld, ValueSet<int, int>[] bwdHeld, params (int Left, int Right)[] pairs)
    {
        Invariants.Check(fwd, bwd);
        Invariants.Same(fwd, pairs.Select(p => (p.Left, p.Right)), "the forward side equals the model");
        foreach (var view in fwdHeld)
        {
            CheckView(view, pairs.Where(p => p.Left == view.Key).Select(p => p.Right).ToList());
        }

        foreach (var view in bwdHeld)
        {
            CheckView(view, [.. pairs.Where(p => p.Right == view.Key).Select(p => p.Left).Order()]);
        }

        static void CheckView(ValueSet<int, int> view, List<int> expected)
        {
            Invariants.Same(view, expected, $"the held set view of key {view.Key} is live");
            if (view.Count != expected.Count)
            {
                Assert.Fail($"the held set view of key {view.Key} has a live Count: it says {view.Count}, the model has {expected.Count}");
            }
        }
    }

    /// <summary>
    /// One random run on one junction: draws each operation from <see cref="Choices"/>, applies it to the junction and
    /// to the model, writes it to a <see cref="RunLog"/> as a statement, and checks everything after it. Other suites
    /// (backing agreement) run it too, and compare the results it lists in <see cref="Log"/>.
    /// </summary>
    internal sealed class Run
    {
        // Keys and values are 0 to Range - 1: few enough that evictions, repeats and empty keys are common.
        private const int Range = 9;
        // Live iterators at most; each is stepped from either end.
        private const int MaxWalks = 6;
        private readonly AnyJunction _junction;
        private readonly RelationModel _model;
        private readonly Choices _choices;
        private readonly RunLog _log;
        private readonly List<Walk> _walks = [];
        // Set views fetched at the start for keys 0 to 2 of each to-many side; they must stay live.
        private readonly ValueSet<int, int>[] _fwdHeld;
        private readonly ValueSet<int, int>[] _bwdHeld;

        /// <summary>Initializes a run on a fresh junction.</summary>
        /// <param name="kind">The junction.</param>
        /// <param name="backing">The backing under test.</param>
        /// <param name="choices">Where every decision comes from.</param>
        /// <param name="log">Where each operation is written as a statement.</param>
        /// <param name="backingCode">The backing as a printed test names it.</param>
        public Run(JunctionKind kind, IPairStoreFactory backing, Choices choices, RunLog log, string backingCode = "Backing")
        {
            _junction = new AnyJunction(kind, backing);
            _model = new RelationModel(_junction.FwdToOne, _junction.BwdToOne);
            _choices = choices;
            _log = log;
            _fwdHeld = Held(true);
            _bwdHeld = Held(false);
            log.Write($"var junction = new {kind}<int, int>({backingCode});");
            log.Write($"ValueSet<int, int>[] fwdHeld = {HeldCode(true)};");
            log.Write($"ValueSet<int, int>[] bwdHeld = {HeldCode(false)};");
            log.Write("void Verify(params (int, int)[] pairs) => JunctionModelRuns.Check(junction.Fwd, junction.Bwd, fwdHeld, bwdHeld, pairs);");
        }

        /// <summary>Gets each step's operation and result, in a form both backings must agree on.</summary>
        public List<string> Log { get; } = [];

        /// <summary>Runs up to <paramref name="steps"/> operations, fewer if the choices run out; throws on the first disagreement.</summary>
        /// <param name="steps">The most operations to run.</param>
        public void Execute(int steps)
        {
            for (int step = 1; step <= steps && !_choices.Exhausted; step++)
            {
                string? what = null;
                try
                {
                    what = Operate(step);
                    Log.Add(what);
                    _log.Write($"Verify({string.Join(", ", _model.Pairs)});");

                    Check(_junction.Fwd, _junction.Bwd, _fwdHeld, _bwdHeld, [.. _model.Pairs]);
                }
                catch (Exception failure) when (failure is not ConformanceException and not OutOfMemoryException)
                {
                    throw new ConformanceException(
                        what is null ? $"Step {step}: the operation threw {failure.GetType().Name}: {failure.Message}" : $"Step {step}, after {what}: {failure.Message}",
                        failure);
                }
            }
        }

        private ValueSet<int, int>[] Held(bool forward) =>
            _junction.Side(forward) is ToMany<int, int> many ? [many.Get(0), many.Get(1), many.Get(2)] : [];

        private string HeldCode(bool forward)
        {
            string side = Side(forward);
            return _junction.Side(forward) is ToMany<int, int> ? $"[{side}.Get(0), {side}.Get(1), {side}.Get(2)]" : "[]";
        }

        private static string Side(bool forward) => forward ? "junction.Fwd" : "junction.Bwd";

        /// <summary>Draws and applies one operation; returns what it did and got.</summary>
        private string Operate(int step)
        {
            int roll = _choices.Next(100);
            bool forward = _choices.Next(2) == 0;
            int key = _choices.Next(Range), value = _choices.Next(Range);
            bool toOne = forward ? _junction.FwdToOne : _junction.BwdToOne;
            if (roll < 30)
            {
                string call = $"{Side(forward)}.Insert({key}, {value})";
                string expected = _model.Insert(forward, key, value);
                _log.Write(call + ResultCode(expected, toOne));
                return Agree(step, call, _junction.Insert(forward, key, value), expected);
            }

            if (roll < 42)
            {
                var pairs = _model.Side(forward);
                if (pairs.Count > 0 && _choices.Next(3) < 2)
                {
                    (key, value) = pairs[_choices.Next(pairs.Count)];
                }

                string call = $"{Side(forward)}.Remove({key}, {value})";
                bool expected = _model.Remove(forward, key, value);
                _log.Write($"{call}.Should().Be{expected}();");
                return Agree(step, call, _junction.Side(forward).Remove(key, value), expected);
            }

            if (roll < 48)
            {
                string call = $"{Side(forward)}.Expunge({key})";
                string expected = _model.Expunge(forward, key);
                _log.Write(call + (toOne ? ResultCode(expected, toOne) : ListCode(expected)));
                return Agree(step, call, _junction.Expunge(forward, key), expected);
            }

            if (roll < 58 && _fwdHeld.Length + _bwdHeld.Length > 0)
            {
                int index = _choices.Next(_fwdHeld.Length + _bwdHeld.Length);
                bool side = index < _fwdHeld.Length;
                var view = side ? _fwdHeld[index] : _bwdHeld[index - _fwdHeld.Length];
                string name = $"{(side ? "fwdHeld" : "bwdHeld")}[{view.Key}]";
                if (_choices.Next(3) < 2)
                {
                    string call = $"{name}.Insert({value})";
                    bool added = bool.Parse(_model.Insert(side, view.Key, value));
                    _log.Write($"{call}.Should().Be{added}();");
                    return Agree(step, call, view.Insert(value), added);
                }
                else
                {
                    string call = $"{name}.Remove({value})";
                    bool removed = _model.Remove(side, view.Key, value);
                    _log.Write($"{call}.Should().Be{removed}();");
                    return Agree(step, call, view.Remove(value), removed);
                }
            }

            if (roll < 66 && _walks.Count < MaxWalks)
            {
                return Open(forward, _choices.Next(5), _choices.Next(4) == 3, key);
            }

            if (_walks.Count == 0)
            {
                return "idle";
            }

            var walk = _walks[_choices.Next(_walks.Count)];
            bool back = _choices.Next(2) == 1;
            return walk.Step(step, back, _log);
        }

        private static string Agree<T>(int step, string call, T actual, T expected)
        {
            if (!EqualityComparer<T>.Default.Equals(actual, expected))
            {
                throw new ConformanceException($"Step {step}: {call} returned {actual}, but the model says {expected}.");
            }

            return $"{call} -> {actual}";
        }

        // The assertion on a to-one answer (an Optional: "None" or "Some(3)") or a to-many insert's bool.
        private static string ResultCode(string result, bool toOne) =>
            !toOne ? $".Should().Be{result}();"
            : result == "None" ? ".Should().Be(Optional<int>.None);"
            : $".Should().Be(Optional<int>.{result});";

        // The assertion on a to-many expunge's removed values ("1,2" or "").
        private static string ListCode(string values) =>
            values.Length == 0 ? ".Should().BeEmpty();" : $".Should().Equal({values.Replace(",", ", ", StringComparison.Ordinal)});";

        private string Open(bool forward, int shape, bool reversed, int key)
        {
            var side = _junction.Side(forward);
            string name = $"{(forward ? "fwd" : "bwd")}.{shape}{(reversed ? ".rev" : "")}";
            string code = Side(forward);
            switch (shape)
            {
                case 1:
                    Add(name, code + ".Keys", side.Keys, reversed, () => [.. _model.Side(forward).Select(p => p.Key).Distinct().Select(k => ((k, 0), Text(k)))], Text, "");
                    break;
                case 2:
                    Add(name, code + ".Values", side.Values, reversed, () => [.. _model.Side(forward).Select(p => (p, Text(p.Value)))], Text, "");
                    break;
                case 3 when side is ToMany<int, int> many:
                    name += $".set{key}";
                    Add(name, $"{code}.Get({key})", many.Get(key), reversed, () => [.. _model.Side(forward).Where(p => p.Key == key).Select(p => (p, Text(p.Value)))], Text, "");
                    break;
                case 4 when side is ToMany<int, int> many:
                    Add(name, code + ".Sets", many.Sets, reversed, () => [.. _model.Side(forward).Select(p => p.Key).Distinct().Select(k => ((k, 0), Text(k)))], s => Text(s.Key), "!.Key");
                    break;
                default:
                    Add(name, code, side, reversed, () => [.. _model.Side(forward).Select(p => (p, p.ToString()))], p => p.ToString(), "");
                    break;
            }

            return "open " + name;
        }

        private void Add<T>(
            string name, string code, Sequence<T> sequence, bool reversed, Func<List<((int, int), string)>> contents, Func<T, string> show, string member)
        {
            var walk = new Walk<T>(
                name,
                "walk" + (_walks.Count + 1).ToString(CultureInfo.InvariantCulture),
                reversed ? sequence.Reverse().Iterate() : sequence.Iterate(),
                new ModelWalk(contents, reversed),
                show,
                member);
            _log.Write($"var {walk.Variable} = {code}{(reversed ? ".Reverse()" : "")}.Iterate();");
            _walks.Add(walk);
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A live iterator and the model of where it stands.</summary>
        private abstract class Walk(string name, string variable, ModelWalk model)
        {
            public string Variable => variable;

            protected string Name => name;

            protected ModelWalk Model => model;

            public abstract string Step(int step, bool back, RunLog log);
        }

        private sealed class Walk<T>(string name, string variable, Passage<T> passage, ModelWalk model, Func<T, string> show, string member)
            : Walk(name, variable, model)
        {
            public override string Step(int step, bool back, RunLog log)
            {
                var expected = back ? Model.Back() : Model.Next();
                string call = $"{Variable}.{(back ? "TryNextBack" : "TryNext")}";
                if (log.IsOn)
                {
                    string item = "item" + step.ToString(CultureInfo.InvariantCulture);
                    log.Write(expected.Found
                        ? $"{call}(out var {item}).Should().BeTrue(); {item}{member}.Should().Be({expected.Item});"
                        : $"{call}(out _).Should().BeFalse();");
                }

                bool found = back ? passage.TryNextBack(out T? got) : passage.TryNext(out got);
                var actual = found ? (true, show(got!)) : (false, "");
                if (actual != expected)
                {
                    throw new ConformanceException(
                        $"Step {step}: walk {Name} ({Variable}) stepped from the {(back ? "back" : "front")} and got " +
                        $"{Show(actual)}, but the model says {Show(expected)}.");
                }

                return $"step {Name} {(back ? "back" : "front")} -> {actual}";
            }

            private static string Show((bool Found, string Item) result) => result.Found ? result.Item : "nothing";
        }
    }
}

/// <summary>Names the backings in the names of model-run families.</summary>
internal static class BackingNames
{
    public static string Of(IPairStoreFactory backing) =>
        backing == Backings.InMemory ? "the in-memory backing"
        : backing == Backings.Trace ? "the trace backing"
        : backing.GetType().Name;
}
