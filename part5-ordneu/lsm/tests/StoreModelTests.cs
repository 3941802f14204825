using System.Globalization;
using Traces.Conformance;
using static Traces.Lsm.Tests.IteratorAssertions;

namespace Traces.Lsm.Tests;

/// <summary>
/// The store against a model that keeps the collection as of every version: random puts, deletes, freezes, flushes,
/// snapshots opened and closed, reads at random readable versions with random bounds, and bad input, drawn by
/// <see cref="ModelRun"/>, which also shrinks a failure and prints it as a test for this class.
/// </summary>
[Trait("Part", "lsm")]
public sealed class StoreModelTests
{
    private const string Family = "lsm: store against a model per version";

    [Fact]
    [Trait("Runs", "model")]
    public void Random_writes_freezes_flushes_and_reads_at_random_versions_match_a_model_per_version() =>
        ModelRun.Check(Family, (choices, log) => StoreRun.Execute(new RealStore(), "new LsmStore()", choices, log), StoreRun.Sequences, StoreRun.MaxChoices);

    [Fact]
    public void A_scan_that_drops_the_last_key_of_its_range_is_caught_and_shrunk_to_a_small_test()
    {
        var failure = Assert.Throws<ConformanceException>(() => ModelRun.Check(
            "lsm: a scan that drops the last key of its range",
            (choices, log) => StoreRun.Execute(new LastKeyDroppingStore(), "new LastKeyDroppingStore()", choices, log),
            StoreRun.Sequences,
            StoreRun.MaxChoices));

        string message = failure.Message;
        message.Should().StartWith("Model run \"lsm: a scan that drops the last key of its range\" failed on sequence ")
            .And.Contain("\nShrunk to ").And.Contain("\nAs a test:\n[Fact]\npublic void Shrunk_run()\n{\n")
            .And.Contain("disagrees with the model at entry ").And.Contain("the store ends before the model's ")
            .And.Contain("    var store = new LastKeyDroppingStore();\n");
        string test = message[message.IndexOf("As a test:", StringComparison.Ordinal)..];
        string[] lines = test.Split('\n');
        lines.Count(l => l.Contains("store.Put(", StringComparison.Ordinal) || l.Contains("store.Delete(", StringComparison.Ordinal))
            .Should().BeInRange(1, 3, "the shrunk run needs a key to drop and little else");
        lines.Where(l => l.Contains(".Should()", StringComparison.Ordinal)).Last()
            .Should().Contain("Drain(store.Scan(", "the run fails at the scan that lost its last key");
        test.Should().EndWith("}");
    }

    /// <summary>The model run: draws operations, applies them to the store and to the model, logs each as a statement.</summary>
    private static class StoreRun
    {
        /// <summary>Sequences an ordinary test run tries.</summary>
        public const int Sequences = 1_000;

        /// <summary>The longest list of choices a sequence reads; an operation reads two to six.</summary>
        public const int MaxChoices = 1_200;

        // Operations per sequence at most; a sequence usually runs out of choices first.
        private const int Steps = 600;

        // Keys are k00 to k39; bounds reach k41, past every key.
        private const int Keys = 40;

        public static void Execute(IStoreUnderTest store, string create, Choices choices, RunLog log)
        {
            var model = new Model();
            var snapshots = new List<(string Name, LsmSnapshot Snapshot)>();
            int opened = 0;
            log.Write($"var store = {create};");
            for (int step = 1; step <= Steps && !choices.Exhausted; step++)
            {
                try
                {
                    Step(store, model, snapshots, ref opened, choices, log, step);
                }
                catch (Exception failure) when (failure is not Xunit.Sdk.XunitException and not ConformanceException and not OutOfMemoryException)
                {
                    throw new ConformanceException($"Step {step}: the store threw {failure.GetType().Name}: {failure.Message}", failure);
                }
            }

            try
            {
                Finish(store, model, snapshots, log);
            }
            catch (Exception failure) when (failure is not Xunit.Sdk.XunitException and not ConformanceException and not OutOfMemoryException)
            {
                throw new ConformanceException($"After the last step: the store threw {failure.GetType().Name}: {failure.Message}", failure);
            }
        }

        private static void Step(
            IStoreUnderTest store, Model model, List<(string Name, LsmSnapshot Snapshot)> snapshots, ref int opened, Choices choices, RunLog log, int step)
        {
            int roll = choices.Next(100);
            if (roll < 38)
            {
                string key = Key(choices.Next(Keys));
                string value = "v" + (model.Version + 1).ToString(CultureInfo.InvariantCulture);
                log.Write($"store.Put(B(\"{key}\"), B(\"{value}\")).Should().Be({model.Version + 1}UL);");
                store.Put(B(key), B(value)).Should().Be(model.Version + 1, "step {0}: Put({1}, {2}) takes the next version", step, key, value);
                model.Write(key, value);
            }
            else if (roll < 50)
            {
                string key = Key(choices.Next(Keys));
                log.Write($"store.Delete(B(\"{key}\")).Should().Be({model.Version + 1}UL);");
                store.Delete(B(key)).Should().Be(model.Version + 1, "step {0}: Delete({1}) takes the next version", step, key);
                model.Write(key, null);
            }
            else if (roll < 55)
            {
                bool expected = model.Freeze();
                log.Write($"store.Freeze().Should().Be{expected}();");
                store.Freeze().Should().Be(expected, "step {0}: Freeze() is false only when nothing was written since the last freeze", step);
            }
            else if (roll < 60)
            {
                bool expected = model.Flush();
                log.Write($"store.Flush().Should().Be{expected}();");
                store.Flush().Should().Be(expected, "step {0}: Flush() is false only when no table is frozen", step);
                log.Write($"store.CompactionFrontier.Should().Be({model.Frontier}UL);");
                store.CompactionFrontier.Should().Be(model.Frontier, "step {0}: a flush moves the frontier to the oldest open snapshot", step);
            }
            else if (roll < 64)
            {
                string name = "snapshot" + (++opened).ToString(CultureInfo.InvariantCulture);
                log.Write($"var {name} = store.OpenSnapshot();");
                var snapshot = store.OpenSnapshot();
                model.Open(snapshot.Version);
                snapshots.Add((name, snapshot));
                log.Write($"{name}.Version.Should().Be({model.Version}UL);");
                snapshot.Version.Should().Be(model.Version, "step {0}: a snapshot reads at the latest version", step);
            }
            else if (roll < 67 && snapshots.Count > 0)
            {
                int index = choices.Next(snapshots.Count);
                var (name, snapshot) = snapshots[index];
                snapshots.RemoveAt(index);
                log.Write($"{name}.Dispose();");
                snapshot.Dispose();
                model.Close(snapshot.Version);
                log.Write($"store.CompactionFrontier.Should().Be({model.Frontier}UL);");
                store.CompactionFrontier.Should().Be(model.Frontier, "step {0}: closing {1} moves the frontier to the oldest open snapshot", step, name);
            }
            else if (roll < 80)
            {
                ulong version = model.ReadableVersion(choices);
                var (lower, upper) = RandomBounds(choices);
                var expected = Within(model.At(version), lower, upper);
                string call = $"store.Scan({Code(lower)}, {Code(upper)}, {version})";
                                log.Write($"Drain({call}){EqualsCode(expected)}");

                Same(Drain(store.Scan(lower, upper, version)), expected, step, call);
            }
            else if (roll < 86 || (roll < 95 && snapshots.Count == 0))
            {
                ulong version = model.ReadableVersion(choices);
                string key = Key(choices.Next(Keys));
                string? expected = model.Get(key, version);
                string call = $"store.Get(B(\"{key}\"), {version})";
                log.Write($"{call}{ValueCode(expected)}");
                Same(store.Get(B(key), version), expected, step, call);
            }
            else if (roll < 95)
            {
                var (name, snapshot) = snapshots[choices.Next(snapshots.Count)];
                string key = Key(choices.Next(Keys));
                string? value = model.Get(key, snapshot.Version);
                log.Write($"{name}.Get(B(\"{key}\")){ValueCode(value)}");
                Same(snapshot.Get(B(key)), value, step, $"{name}.Get(B(\"{key}\"))");
                var all = model.At(snapshot.Version);
                                log.Write($"Drain({name}.Scan(Bound.Unbounded, Bound.Unbounded)){EqualsCode(all)}");

                Same(Drain(snapshot.Scan(Bound.Unbounded, Bound.Unbounded)), all, step, $"{name}.Scan(Bound.Unbounded, Bound.Unbounded)");
            }
            else
            {
                BadInput(store, model, choices, log, step);
            }
        }

        private static void Finish(IStoreUnderTest store, Model model, List<(string Name, LsmSnapshot Snapshot)> snapshots, RunLog log)
        {
            // Flush everything and read the latest state, and every open snapshot's, once more.
            bool wrote = model.Freeze() | model.Flush();
            while (model.Flush())
            {
            }

            log.Write("while (store.Freeze() || store.Flush()) { }");
            while (store.Freeze() || store.Flush())
            {
            }

            if (wrote)
            {
                log.Write($"store.CompactionFrontier.Should().Be({model.Frontier}UL);");
                store.CompactionFrontier.Should().Be(model.Frontier, "after the last step the last flush moves the frontier");
            }

            var latest = model.At(model.Version);
                        log.Write($"Drain(store.Scan(Bound.Unbounded, Bound.Unbounded, {model.Version})){EqualsCode(latest)}");

            Same(Drain(store.Scan(Bound.Unbounded, Bound.Unbounded, model.Version)), latest, Steps + 1, "the final scan");
            foreach (var (name, snapshot) in snapshots)
            {
                var state = model.At(snapshot.Version);
                                log.Write($"Drain({name}.Scan(Bound.Unbounded, Bound.Unbounded)){EqualsCode(state)}");

                Same(Drain(snapshot.Scan(Bound.Unbounded, Bound.Unbounded)), state, Steps + 1, $"the final scan of {name}");
                snapshot.Dispose();
            }
        }

        /// <summary>Bad input: each call is refused with its exception, and every later check shows it changed nothing.</summary>
        private static void BadInput(IStoreUnderTest store, Model model, Choices choices, RunLog log, int step)
        {
            string key = Key(choices.Next(Keys));
            switch (choices.Next(5))
            {
                case 0 when model.Frontier > 0:
                    ulong old = (ulong)choices.Next((int)model.Frontier);
                    Throws<ArgumentOutOfRangeException>(log, step, $"store.Scan(Bound.Unbounded, Bound.Unbounded, {old})", () => store.Scan(Bound.Unbounded, Bound.Unbounded, old));
                    break;
                case 0:
                case 1:
                    ulong future = model.Version + 1 + (ulong)choices.Next(3);
                    Throws<ArgumentOutOfRangeException>(log, step, $"store.Get(B(\"{key}\"), {future})", () => store.Get(B(key), future));
                    break;
                case 2:
                    var (lower, upper) = RandomBounds(choices);
                    if (lower.Kind != BoundKind.Unbounded && upper.Kind != BoundKind.Unbounded && !lower.Key.Span.SequenceEqual(upper.Key.Span))
                    {
                        // The same bounds swapped: the lower one is now above the upper one.
                        Throws<ArgumentException>(log, step, $"store.Scan({Code(upper)}, {Code(lower)}, {model.Version})", () => store.Scan(upper, lower, model.Version));
                    }
                    else
                    {
                        Throws<ArgumentException>(log, step, $"store.Put(B(\"{key}\"), [])", () => store.Put(B(key), []));
                    }

                    break;
                case 3:
                    Throws<ArgumentException>(log, step, "store.Delete([])", () => store.Delete([]));
                    break;
                default:
                    Throws<ArgumentNullException>(log, step, $"store.Put(null!, B(\"{key}\"))", () => store.Put(null!, B(key)));
                    break;
            }
        }

        private static void Throws<TException>(RunLog log, int step, string call, Action action)
            where TException : Exception
        {
            log.Write($"FluentActions.Invoking(() => {call}).Should().Throw<{typeof(TException).Name}>();");
            FluentActions.Invoking(action).Should().Throw<TException>("step {0}: {1} is bad input", step, call);
        }

        private static (Bound Lower, Bound Upper) RandomBounds(Choices choices)
        {
            int a = choices.Next(Keys + 2);
            int b = choices.Next(Keys + 2);
            (a, b) = (Math.Min(a, b), Math.Max(a, b));
            static Bound Make(int kind, int key) => kind switch
            {
                0 => Bound.Unbounded,
                1 => Bound.Included(B(Key(key))),
                _ => Bound.Excluded(B(Key(key))),
            };
            return (Make(choices.Next(3), a), Make(choices.Next(3), b));
        }

        private static string Key(int key) => "k" + key.ToString("D2", CultureInfo.InvariantCulture);

        private static string Code(Bound bound) => bound.Kind switch
        {
            BoundKind.Included => $"Bound.Included(B(\"{S(bound.Key)}\"))",
            BoundKind.Excluded => $"Bound.Excluded(B(\"{S(bound.Key)}\"))",
            _ => "Bound.Unbounded",
        };

        private static string ValueCode(string? expected) => expected is null ? ".Should().BeNull();" : $".Should().Equal(B(\"{expected}\"));";

        // Compared cheaply first; the report lists both in full and points at the first difference.
        private static void Same(List<(string Key, string Value)> actual, List<(string Key, string Value)> expected, int step, string call)
        {
            if (actual.SequenceEqual(expected))
            {
                return;
            }

            int first = 0;
            while (first < actual.Count && first < expected.Count && actual[first] == expected[first])
            {
                first++;
            }

            string difference = first == actual.Count ? $"the store ends before the model's {Show(expected[first])}"
                : first == expected.Count ? $"the store goes on past the model's end with {Show(actual[first])}"
                : $"the store has {Show(actual[first])} where the model has {Show(expected[first])}";
            throw new ConformanceException(
                $"{When(step)}: {call} disagrees with the model at entry {first}: {difference}.\n" +
                $"  model: {Show(expected)}\n  store: {Show(actual)}");
        }

        private static void Same(byte[]? actual, string? expected, int step, string call)
        {
            string? value = actual is null ? null : S(actual);
            if (value != expected)
            {
                throw new ConformanceException(
                    $"{When(step)}: {call} returns {(value is null ? "null" : $"\"{value}\"")}, but the model holds {(expected is null ? "no value" : $"\"{expected}\"")}.");
            }
        }

        private static string Show((string Key, string Value) entry) => $"{entry.Key}={entry.Value}";

        private static string Show(List<(string Key, string Value)> entries) => "[" + string.Join(", ", entries.Select(Show)) + "]";

        private static string When(int step) =>
            step > Steps ? "After the last step, everything flushed" : "Step " + step.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The collection as of every version (one sorted dictionary per version), and what the store's documentation says
    /// about freezes, flushes and the compaction frontier.
    /// </summary>
    private sealed class Model
    {
        // _states[v] is the collection as of version v.
        private readonly List<SortedDictionary<string, string>> _states = [new(StringComparer.Ordinal)];
        // Open snapshots' versions, with repeats: the least bounds the frontier.
        private readonly List<ulong> _open = [];
        // Writes since the last freeze: Freeze is false when there are none.
        private int _unfrozen;
        // Tables frozen and not yet flushed: Flush is false when there are none.
        private int _frozen;

        public ulong Version => (ulong)(_states.Count - 1);

        public ulong Frontier { get; private set; }

        public void Write(string key, string? value)
        {
            var next = new SortedDictionary<string, string>(_states[^1], StringComparer.Ordinal);
            if (value is null)
            {
                next.Remove(key);
            }
            else
            {
                next[key] = value;
            }

            _states.Add(next);
            _unfrozen++;
        }

        public bool Freeze()
        {
            if (_unfrozen == 0)
            {
                return false;
            }

            _unfrozen = 0;
            _frozen++;
            return true;
        }

        public bool Flush()
        {
            if (_frozen == 0)
            {
                return false;
            }

            _frozen--;
            Advance();
            return true;
        }

        public void Open(ulong version) => _open.Add(version);

        public void Close(ulong version)
        {
            _open.Remove(version);
            Advance();
        }

        public ulong ReadableVersion(Choices choices) => (ulong)choices.Next((int)Frontier, (int)Version + 1);

        public List<(string Key, string Value)> At(ulong version) => [.. _states[(int)version].Select(e => (e.Key, e.Value))];

        public string? Get(string key, ulong version) => _states[(int)version].GetValueOrDefault(key);

        // The frontier is the oldest open snapshot's version, or the latest version when none is open; it never goes back.
        private void Advance() => Frontier = Math.Max(Frontier, _open.Count == 0 ? Version : Math.Min(_open.Min(), Version));
    }

    /// <summary>What the model run drives: <see cref="LsmStore"/>'s own calls, so that a flawed store can stand in.</summary>
    private interface IStoreUnderTest
    {
        ulong Put(byte[] key, byte[] value);

        ulong Delete(byte[] key);

        byte[]? Get(byte[] key, ulong version);

        IStorageIterator Scan(Bound lower, Bound upper, ulong version);

        bool Freeze();

        bool Flush();

        LsmSnapshot OpenSnapshot();

        ulong CompactionFrontier { get; }
    }

    private sealed class RealStore : IStoreUnderTest
    {
        private readonly LsmStore _store = new();

        public ulong CompactionFrontier => _store.CompactionFrontier;

        public ulong Put(byte[] key, byte[] value) => _store.Put(key, value);

        public ulong Delete(byte[] key) => _store.Delete(key);

        public byte[]? Get(byte[] key, ulong version) => _store.Get(key, version);

        public IStorageIterator Scan(Bound lower, Bound upper, ulong version) => _store.Scan(lower, upper, version);

        public bool Freeze() => _store.Freeze();

        public bool Flush() => _store.Flush();

        public LsmSnapshot OpenSnapshot() => _store.OpenSnapshot();
    }

    /// <summary>A planted bug: a store whose scans lose the last key of their range (reads through snapshots are sound).</summary>
    private sealed class LastKeyDroppingStore : IStoreUnderTest
    {
        private readonly LsmStore _store = new();

        public ulong CompactionFrontier => _store.CompactionFrontier;

        public ulong Put(byte[] key, byte[] value) => _store.Put(key, value);

        public ulong Delete(byte[] key) => _store.Delete(key);

        public byte[]? Get(byte[] key, ulong version) => _store.Get(key, version);

        public IStorageIterator Scan(Bound lower, Bound upper, ulong version)
        {
            var entries = Drain(_store.Scan(lower, upper, version));
            return new MockIterator(entries.Take(Math.Max(0, entries.Count - 1)));
        }

        public bool Freeze() => _store.Freeze();

        public bool Flush() => _store.Flush();

        public LsmSnapshot OpenSnapshot() => _store.OpenSnapshot();
    }
}
