using Traces;
using Traces.OrdNeu;

namespace Exercises.Ch07;

#region check
/// <summary>
/// The check for your measurement of shared histories: subclass it, return the stored pairs your
/// variant would save on a batch, and run <c>dotnet test</c>. It compares with a count made through
/// the batch's cursor, on loaded-then-retracted collections and on random data.
/// </summary>
public abstract class SharedHistoryCheck
{
    protected abstract long PairsSaved(
        OrdValStorage<long, long, Timestamp, long,
            ArrayContainer<long>, ArrayContainer<long>> storage);
#endregion

    [Fact]
    [Trait("Part", "exercises")]
    public void A_collection_loaded_and_retracted_saves_all_but_the_first_history()
    {
        var updates = new List<Update<long, long, Timestamp, long>>();
        for (long key = 0; key < 1000; key++)
        {
            updates.Add(new(key, 7, 0, 1));
            updates.Add(new(key, 7, 1, -1));
        }

        var batch = TestBatches.Build(updates, 0, 2);
        batch.Storage.StoredUpdateCount.Should().Be(2000, "the singleton trick does not apply here");
        PairsSaved(batch.Storage).Should().Be(2 * 999);
    }

    [Theory]
    [Trait("Part", "exercises")]
    [InlineData(74)]
    [InlineData(75)]
    public void Random_batches_save_what_the_cursor_says_they_could(int seed)
    {
        var random = new Random(seed);
        var updates = TestBatches.Random(random, 3000, 400, 0, 3);
        var batch = TestBatches.Build(updates, 0, 3);
        ByCursor(batch).Should().BePositive("the data has histories to share");
        PairsSaved(batch.Storage).Should().Be(ByCursor(batch));
    }

    // The model: per value, its logical history read through the cursor; a history of two or more
    // updates equal to the previous value's is saved whole.
    private static long ByCursor(OrdValBatch<long, long, Timestamp, long> batch)
    {
        long saved = 0;
        var previous = new List<(Timestamp, long)>();
        var cursor = batch.GetCursor();
        for (; cursor.KeyValid; cursor.StepKey())
        {
            for (; cursor.ValValid; cursor.StepVal())
            {
                var history = new List<(Timestamp, long)>();
                cursor.MapTimes((time, diff) => history.Add((time, diff)));
                saved += history.Count > 1 && history.SequenceEqual(previous) ? history.Count : 0;
                previous = history;
            }
        }

        return saved;
    }
}

/// <summary>The check against the worked answer.</summary>
public sealed class SharedHistoryAnswer : SharedHistoryCheck
{
    protected override long PairsSaved(
        OrdValStorage<long, long, Timestamp, long, ArrayContainer<long>, ArrayContainer<long>> storage) =>
        SharedHistories.PairsSaved(storage);
}
