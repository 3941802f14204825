using System.Globalization;
using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>
/// Seeded random operation mixes (inserts, removes, expunges, writes through held set views) interleaved with
/// several live iterators stepped from both ends, checked after every step against <see cref="RelationModel"/>,
/// including every element each iterator yields.
/// </summary>
public abstract class JunctionModelRuns
{
    /// <summary>Gets the backing under test.</summary>
    protected abstract IPairStoreFactory Backing { get; }

    /// <summary>Gets how many seeds each junction kind runs.</summary>
    protected virtual int Seeds => 8;

    /// <summary>Gets how many operations each seed runs.</summary>
    protected virtual int Steps => 250;

    [Theory]
    [InlineData(JunctionKind.OneToOne)]
    [InlineData(JunctionKind.OneToMany)]
    [InlineData(JunctionKind.ManyToOne)]
    [InlineData(JunctionKind.ManyToMany)]
    public void Random_operations_and_live_iterators_agree_with_the_model(JunctionKind kind)
    {
        for (int seed = 1; seed <= Seeds; seed++)
        {
            int step = 0;
            try
            {
                new Run(kind, Backing, seed).Execute(Steps, ref step);
            }
            catch (Exception failure)
            {
                throw new SeededFailureException(
                    string.Create(CultureInfo.InvariantCulture, $"{kind} failed with seed {seed} at step {step}: {failure.Message}"), failure);
            }
        }
    }

    /// <summary>Runs one seed; exposed so other suites (backing agreement) can replay the same mix.</summary>
    internal sealed class Run
    {
        private const int Range = 9;
        private readonly AnyJunction _junction;
        private readonly RelationModel _model;
        private readonly Random _random;
        private readonly List<(string Name, Func<(bool, string)> Next, Func<(bool, string)> Back, ModelWalk Model)> _walks = [];
        private readonly List<(bool Forward, ValueSet<int, int> View)> _held = [];

        public Run(JunctionKind kind, IPairStoreFactory backing, int seed)
        {
            _junction = new AnyJunction(kind, backing);
            _model = new RelationModel(_junction.FwdToOne, _junction.BwdToOne);
            _random = new Random(seed);
            foreach (bool forward in new[] { true, false })
            {
                if (_junction.Side(forward) is ToMany<int, int> many)
                {
                    for (int key = 0; key < 3; key++)
                    {
                        _held.Add((forward, many.Get(key)));
                    }
                }
            }
        }

        public List<string> Log { get; } = [];

        public void Execute(int steps, ref int step)
        {
            for (step = 1; step <= steps; step++)
            {
                Log.Add(Operate());
                Verify();
            }
        }

        private string Operate()
        {
            int roll = _random.Next(100);
            bool forward = _random.Next(2) == 0;
            int key = _random.Next(Range), value = _random.Next(Range);
            if (roll < 30)
            {
                string result = _junction.Insert(forward, key, value);
                Assert.Equal(_model.Insert(forward, key, value), result);
                return $"insert {forward} {key} {value} -> {result}";
            }

            if (roll < 42)
            {
                var pairs = _model.Side(forward);
                if (pairs.Count > 0 && _random.Next(3) > 0)
                {
                    (key, value) = pairs[_random.Next(pairs.Count)];
                }

                bool removed = _junction.Side(forward).Remove(key, value);
                Assert.Equal(_model.Remove(forward, key, value), removed);
                return $"remove {forward} {key} {value} -> {removed}";
            }

            if (roll < 48)
            {
                string result = _junction.Expunge(forward, key);
                Assert.Equal(_model.Expunge(forward, key), result);
                return $"expunge {forward} {key} -> {result}";
            }

            if (roll < 58 && _held.Count > 0)
            {
                var (side, view) = _held[_random.Next(_held.Count)];
                if (_random.Next(3) > 0)
                {
                    bool added = view.Insert(value);
                    Assert.Equal(_model.Insert(side, view.Key, value), added.ToString());
                    return $"view {side} {view.Key} insert {value} -> {added}";
                }

                bool gone = view.Remove(value);
                Assert.Equal(_model.Remove(side, view.Key, value), gone);
                return $"view {side} {view.Key} remove {value} -> {gone}";
            }

            if (roll < 66 && _walks.Count < 6)
            {
                return Open(forward, _random.Next(5), _random.Next(4) == 0, key);
            }

            if (_walks.Count == 0)
            {
                return "idle";
            }

            int which = _random.Next(_walks.Count);
            var walk = _walks[which];
            bool back = _random.Next(2) == 0;
            var actual = back ? walk.Back() : walk.Next();
            var expected = back ? walk.Model.Back() : walk.Model.Next();
            Assert.True(actual == expected, $"walk {which} ({walk.Name}) stepped {(back ? "back" : "front")}: expected {expected}, got {actual}");
            return $"step {walk.Name} {(back ? "back" : "front")} -> {actual}";
        }

        private string Open(bool forward, int shape, bool reversed, int key)
        {
            var side = _junction.Side(forward);
            string name = $"{(forward ? "fwd" : "bwd")}.{shape}{(reversed ? ".rev" : "")}";
            switch (shape)
            {
                case 0:
                    Add(name, side, reversed, () => [.. _model.Side(forward).Select(p => (p, p.ToString()))], p => p.ToString());
                    break;
                case 1:
                    Add(name, side.Keys, reversed, () => [.. _model.Side(forward).Select(p => p.Key).Distinct().Select(k => ((k, 0), Text(k)))], Text);
                    break;
                case 2:
                    Add(name, side.Values, reversed, () => [.. _model.Side(forward).Select(p => (p, Text(p.Value)))], Text);
                    break;
                case 3 when side is ToMany<int, int> many:
                    name += $".set{key}";
                    Add(name, many.Get(key), reversed, () => [.. _model.Side(forward).Where(p => p.Key == key).Select(p => (p, Text(p.Value)))], Text);
                    break;
                case 4 when side is ToMany<int, int> many:
                    Add(name, many.Sets, reversed, () => [.. _model.Side(forward).Select(p => p.Key).Distinct().Select(k => ((k, 0), Text(k)))], s => Text(s.Key));
                    break;
                default:
                    Add(name, side, reversed, () => [.. _model.Side(forward).Select(p => (p, p.ToString()))], p => p.ToString());
                    break;
            }

            return "open " + name;
        }

        private void Add<T>(string name, Sequence<T> sequence, bool reversed, Func<List<((int, int), string)>> contents, Func<T, string> show)
        {
            var passage = reversed ? sequence.Reverse().Iterate() : sequence.Iterate();
            _walks.Add((
                name,
                () => passage.TryNext(out T? item) ? (true, show(item)) : (false, ""),
                () => passage.TryNextBack(out T? item) ? (true, show(item)) : (false, ""),
                new ModelWalk(contents, reversed)));
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        private void Verify()
        {
            Invariants.Check(_junction.Fwd, _junction.Bwd);
            Invariants.Same(_junction.Fwd, _model.Side(true), "the forward side equals the model");
            foreach (var (forward, view) in _held)
            {
                var expected = _model.Side(forward).Where(p => p.Key == view.Key).Select(p => p.Value).ToList();
                Invariants.Same(view, expected, "a held set view is live");
                Assert.True(view.Count == expected.Count, "a held set view's Count is live");
            }
        }
    }
}

/// <summary>A randomized run failed; the message names the seed and step to replay.</summary>
public sealed class SeededFailureException : Exception
{
    public SeededFailureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SeededFailureException()
    {
    }

    public SeededFailureException(string message)
        : base(message)
    {
    }
}
