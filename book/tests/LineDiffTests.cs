namespace Book.Tests;

[Trait("Part", "book")]
public sealed class LineDiffTests
{
    [Fact]
    public void Lines_kept_in_order_are_unchanged_and_new_ones_added()
    {
        LineDiff.Unchanged(["a", "b", "c"], ["a", "x", "b", "c", "y"]).Should().Equal(true, false, true, true, false);
    }

    [Fact]
    public void A_moved_line_counts_once_as_unchanged_and_once_as_added()
    {
        // The longest common subsequence keeps two of the three lines; the third must be new where it now is.
        LineDiff.Unchanged(["a", "b", "c"], ["c", "a", "b"]).Should().Equal(false, true, true);
    }

    [Fact]
    public void Removed_lines_leave_no_mark_on_the_new_snippet()
    {
        LineDiff.Unchanged(["a", "gone", "b"], ["a", "b"]).Should().Equal(true, true);
    }

    [Fact]
    public void Empty_sides_make_everything_new_or_nothing()
    {
        LineDiff.Unchanged([], ["a", "b"]).Should().Equal(false, false);
        LineDiff.Unchanged(["a"], []).Should().BeEmpty();
    }

    [Fact]
    public void Unchanged_lines_near_a_change_are_context_and_the_rest_fold()
    {
        var original = Enumerable.Range(0, 10).Select(static i => $"line {i}").ToArray();
        var updated = original.Take(8).Append("new").Concat(original.Skip(8)).ToArray();
        var kinds = LineDiff.Classify(original, updated, context: 2);
        kinds.Should().Equal(
            DiffLineKind.Folded, DiffLineKind.Folded, DiffLineKind.Folded, DiffLineKind.Folded, DiffLineKind.Folded,
            DiffLineKind.Folded, DiffLineKind.Context, DiffLineKind.Context, DiffLineKind.Added, DiffLineKind.Context,
            DiffLineKind.Context);
    }

    [Fact]
    public void Without_any_change_every_line_is_context()
    {
        LineDiff.Classify(["a", "b"], ["a", "b"]).Should().Equal(DiffLineKind.Context, DiffLineKind.Context);
    }

    [Fact]
    public void Null_sides_are_rejected()
    {
        var act = () => LineDiff.Unchanged(null!, []);
        act.Should().Throw<ArgumentNullException>();
    }
}
