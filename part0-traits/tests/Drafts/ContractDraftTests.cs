namespace Traces.Tests.Drafts;

/// <summary>The drafts of chapter 0 answer alike; the span draft shows what a borrowed view costs the caller.</summary>
[Trait("Part", "0")]
public sealed class ContractDraftTests
{
    [Fact]
    public void All_three_drafts_return_the_same_updates()
    {
        var store = new DraftStore<string, int, ulong>();
        ((IListTrace<string, int, ulong>)store).Add([("a", 1, 0, 1), ("b", 2, 1, 1)]);
        ((IEnumerableTrace<string, int, ulong>)store).Add(new[] { ("a", 3, 2UL, -1L) }.Where(_ => true));

        var asList = ((IListTrace<string, int, ulong>)store).Get("a");
        var asSequence = ((IEnumerableTrace<string, int, ulong>)store).Get("a").ToList();
        var asSpan = ((ISpanTrace<string, int, ulong>)store).Get("a").ToArray();

        asList.Should().Equal(("a", 1, 0UL, 1L), ("a", 3, 2UL, -1L));
        asSequence.Should().Equal(asList);
        asSpan.Should().Equal((1, 0UL, 1L), (3, 2UL, -1L));
        ((ISpanTrace<string, int, ulong>)store).Get("zzz").IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void A_span_from_the_store_is_a_view_of_its_storage_not_a_copy()
    {
        var store = new DraftStore<string, int, ulong>();
        ISpanTrace<string, int, ulong> spans = store;
        spans.Add([("a", 1, 0, 1)]);
        var view = spans.Get("a");
        view.Length.Should().Be(1);

        // The view does not see what is added after it was taken: it is as long as the list was then.
        spans.Add([("a", 2, 0, 1)]);
        view.Length.Should().Be(1);
        spans.Get("a").Length.Should().Be(2);
    }
}
