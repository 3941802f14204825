using Traces.Conformance;
using Traces.Junctions;

namespace Traces.Junctions.Tests;

/// <summary>The model runs catch a planted bug in a backing and shrink it to a short test.</summary>
[Trait("Part", "junctions")]
public sealed class PlantedBugTests
{
    [Fact]
    public void A_backing_that_forgets_to_remove_a_keys_last_pair_is_caught_and_shrunk_to_a_small_test()
    {
        var failure = Assert.Throws<ConformanceException>(() => ModelRun.Check(
            "junctions: a backing that forgets a remove",
            (choices, log) => new JunctionModelRuns.Run(JunctionKind.ManyToMany, new ForgetfulBacking(), choices, log, "new ForgetfulBacking()").Execute(250),
            sequences: 1_000,
            maxChoices: 300));

        string message = failure.Message;
        message.Should().StartWith("Model run \"junctions: a backing that forgets a remove\" failed on sequence ")
            .And.Contain("\nShrunk to ").And.Contain("\nAs a test:\n[Fact]\npublic void Shrunk_run()\n{\n")
            .And.Contain("    var junction = new ManyToMany<int, int>(new ForgetfulBacking());\n");
        string test = message[message.IndexOf("As a test:", StringComparison.Ordinal)..];
        string[] writes = [.. test.Split('\n').Where(static l =>
            l.Contains(".Insert(", StringComparison.Ordinal) || l.Contains(".Remove(", StringComparison.Ordinal) || l.Contains(".Expunge(", StringComparison.Ordinal))];
        writes.Length.Should().BeInRange(2, 3, "the shrunk run adds a pair and takes it away, and little else");
        writes.Should().Contain(l => l.Contains(".Remove(", StringComparison.Ordinal) || l.Contains(".Expunge(", StringComparison.Ordinal));
        test.Should().EndWith("    Verify();\n}", "the check after the forgotten remove fails: the model is empty again");
    }

    /// <summary>A planted bug: a backing whose stores report a key's last pair removed, and keep it.</summary>
    private sealed class ForgetfulBacking : IPairStoreFactory
    {
        public PairStore<TKey, TVal> Create<TKey, TVal>()
            where TKey : IComparable<TKey>
            where TVal : IComparable<TVal> => new ForgetfulStore<TKey, TVal>();
    }

    private sealed class ForgetfulStore<TKey, TVal> : PairStore<TKey, TVal>
        where TKey : IComparable<TKey>
        where TVal : IComparable<TVal>
    {
        private readonly SortedPairStore<TKey, TVal> _inner = new();

        public override bool Contains(TKey key, TVal value) => _inner.Contains(key, value);

        public override bool TrySeekAfter(in Probe<TKey, TVal> probe, out TKey key, out TVal value) => _inner.TrySeekAfter(probe, out key, out value);

        public override bool TrySeekBefore(in Probe<TKey, TVal> probe, out TKey key, out TVal value) => _inner.TrySeekBefore(probe, out key, out value);

        public override bool TryFirst(out TKey key, out TVal value) => _inner.TryFirst(out key, out value);

        public override bool TryLast(out TKey key, out TVal value) => _inner.TryLast(out key, out value);

        protected override bool AddCore(TKey key, TVal value, out bool newKey)
        {
            int keys = _inner.KeyCount;
            bool added = _inner.Add(key, value);
            newKey = _inner.KeyCount > keys;
            return added;
        }

        protected override bool RemoveCore(TKey key, TVal value, out bool keyGone)
        {
            if (_inner.Contains(key, value) && _inner.CountOf(key) == 1)
            {
                // The bug: the removal is reported, and forgotten.
                keyGone = true;
                return true;
            }

            int keys = _inner.KeyCount;
            bool removed = _inner.Remove(key, value);
            keyGone = _inner.KeyCount < keys;
            return removed;
        }
    }
}
