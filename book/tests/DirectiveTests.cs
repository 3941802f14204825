namespace Book.Tests;

[Trait("Part", "book")]
public sealed class DirectiveTests
{
    private static readonly SourceLocation At = new("chapters/02.md", 12);

    [Fact]
    public void A_code_include_names_its_language_file_and_region()
    {
        var directive = Directive.Parse("[!code-csharp[](../../part1-hashmap/src/HashMapTrace.cs#add)]", At);
        directive.Should().Be(new Directive("code", "csharp", "../../part1-hashmap/src/HashMapTrace.cs", "add", null, null, At));
    }

    [Fact]
    public void A_change_names_the_earlier_region()
    {
        var directive = Directive.Parse("  [!code-csharp[](../../part3-tries/src/X.cs#merge \"diff:../../part2-sorted/src/Y.cs#merge\")]  ", At);
        directive.DiffPath.Should().Be("../../part2-sorted/src/Y.cs");
        directive.DiffFragment.Should().Be("merge");
    }

    [Fact]
    public void Benchmark_directives_name_their_kind_and_id()
    {
        Directive.Parse("[!benchmark-chart[](../benchmarks/results.json#insert)]", At)
            .Should().Be(new Directive("chart", "", "../benchmarks/results.json", "insert", null, null, At));
        Directive.Parse("[!benchmark-machine[](../benchmarks/results.json)]", At).Fragment.Should().BeNull();
    }

    [Fact]
    public void A_lines_directive_names_its_file_and_chart()
    {
        Directive.Parse("[!benchmark-lines[](../benchmarks/scale.json#scale-load)]", At)
            .Should().Be(new Directive("lines", "", "../benchmarks/scale.json", "scale-load", null, null, At));
    }

    [Fact]
    public void A_code_include_may_leave_out_doc_comments_with_or_without_a_change()
    {
        Directive.Parse("[!code-csharp[](../src/X.cs#add \"nodoc\")]", At).WithoutDocs.Should().BeTrue();
        var both = Directive.Parse("[!code-csharp[](../src/X.cs#add \"diff:../src/Y.cs#add nodoc\")]", At);
        (both.WithoutDocs, both.DiffPath, both.DiffFragment).Should().Be((true, "../src/Y.cs", "add"));
        Directive.Parse("[!code-csharp[](../src/X.cs#add)]", At).WithoutDocs.Should().BeFalse();
    }

    [Theory]
    [InlineData("[!figure[The levels of a spine.](spine-levels)]", "figure", "The levels of a spine.")]
    [InlineData("[!player[A spine, step by step.](spine-run)]", "player", "A spine, step by step.")]
    [InlineData("[!output[](spine-after-inserts)]", "output", "")]
    public void A_scene_directive_names_its_kind_scene_and_caption(string line, string kind, string caption)
    {
        var directive = Directive.Parse(line, At);
        (directive.Kind, directive.Caption).Should().Be((kind, caption));
        directive.Path.Should().MatchRegex("^[a-z-]+$");
    }

    [Theory]
    [InlineData("[!code-csharp[](../src/X.cs#add)", "expected [!code-LANG")]
    [InlineData("[!figure[](spine-levels)]", "a figure needs a caption")]
    [InlineData("[!player[](spine-run)]", "a player needs a caption")]
    [InlineData("[!figure[Levels](Spine_Levels)]", "'Spine_Levels' is not a scene name")]
    [InlineData("[!output[](spine \"nodoc\")]", "output takes none")]
    [InlineData("[!code-csharp[](../src/X.cs#add \"nodocs\")]", "unknown option \"nodocs\"")]
    [InlineData("[!code-csharp[](../src/X.cs#add)] trailing words", "expected [!code-LANG")]
    [InlineData("[!code-csharp[](../src/X.cs#)]", "empty region name after '#'")]
    [InlineData("[!code-csharp[](#add)]", "no file before '#'")]
    [InlineData("[!code-csharp[](../src/X.cs#add \"dif:../src/Y.cs#add\")]", "unknown option")]
    [InlineData("[!benchmark-pie[](../benchmarks/results.json#insert)]", "unknown benchmark directive 'benchmark-pie'")]
    [InlineData("[!benchmark-table[](../benchmarks/results.json)]", "benchmark-table needs an id")]
    [InlineData("[!benchmark-lines[](../benchmarks/scale.json)]", "benchmark-lines needs an id")]
    [InlineData("[!benchmark-table[](../benchmarks/results.json#insert \"diff:x.json#y\")]", "unknown option")]
    [InlineData("[!codecsharp[](../src/X.cs#add)]", "expected [!code-LANG")]
    public void A_malformed_directive_is_reported_at_its_line(string line, string detail)
    {
        Directive.LooksLikeDirective(line).Should().BeTrue();
        var parse = () => Directive.Parse(line, At);
        var message = parse.Should().Throw<BuildErrorException>().Which.Error.ToString();
        message.Should().StartWith("chapters/02.md:12: malformed include: ").And.Contain(detail);
    }

    [Fact]
    public void Ordinary_lines_are_not_directives()
    {
        Directive.LooksLikeDirective("See [the code](x.md) and ![a picture](p.png).").Should().BeFalse();
    }
}
