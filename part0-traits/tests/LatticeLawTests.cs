namespace Traces.Tests;

/// <summary>The lattice laws, checked on seeded random times of every shipped time type.</summary>
[Trait("Part", "0")]
public sealed class LatticeLawTests
{
    private const int Trials = 2_000;

    [Fact]
    public void Timestamp_obeys_the_lattice_laws() => CheckLaws(RandomTimes.Timestamp);

    [Fact]
    public void Product_obeys_the_lattice_laws() => CheckLaws(RandomTimes.Product);

    [Fact]
    public void Nested_product_obeys_the_lattice_laws() => CheckLaws(RandomTimes.Nested);

    [Fact]
    public void Product_is_partially_ordered_and_sorted_lexicographically()
    {
        var a = new Product<Timestamp, Timestamp>(0, 1);
        var b = new Product<Timestamp, Timestamp>(1, 0);
        a.LessEqual(b).Should().BeFalse();
        b.LessEqual(a).Should().BeFalse();
        a.Join(b).Should().Be(new Product<Timestamp, Timestamp>(1, 1));
        a.Meet(b).Should().Be(new Product<Timestamp, Timestamp>(0, 0));
        a.CompareTo(b).Should().BeNegative();
        Product<Timestamp, Timestamp>.Minimum.Should().Be(new Product<Timestamp, Timestamp>(0, 0));
    }

    [Fact]
    public void Timestamp_converts_from_ulong_and_prints_its_value()
    {
        Timestamp t = 42UL;
        t.Value.Should().Be(42);
        t.ToString().Should().Be("42");
        Timestamp.Minimum.Value.Should().Be(0);
    }

    private static void CheckLaws<T>(Func<Random, T> draw)
        where T : ILattice<T>
    {
        var rng = new Random(RandomTimes.Seed);
        for (int trial = 0; trial < Trials; trial++)
        {
            T a = draw(rng), b = draw(rng), c = draw(rng);
            string context = $"seed {RandomTimes.Seed}, trial {trial}: a = {a}, b = {b}, c = {c}";

            // Idempotent, commutative, associative.
            a.Join(a).Should().Be(a, context);
            a.Meet(a).Should().Be(a, context);
            a.Join(b).Should().Be(b.Join(a), context);
            a.Meet(b).Should().Be(b.Meet(a), context);
            a.Join(b).Join(c).Should().Be(a.Join(b.Join(c)), context);
            a.Meet(b).Meet(c).Should().Be(a.Meet(b.Meet(c)), context);

            // Absorption.
            a.Join(a.Meet(b)).Should().Be(a, context);
            a.Meet(a.Join(b)).Should().Be(a, context);

            // Join is the least upper bound, meet the greatest lower bound, of the partial order.
            a.LessEqual(a.Join(b)).Should().BeTrue(context);
            b.LessEqual(a.Join(b)).Should().BeTrue(context);
            a.Meet(b).LessEqual(a).Should().BeTrue(context);
            if (a.LessEqual(c) && b.LessEqual(c))
            {
                a.Join(b).LessEqual(c).Should().BeTrue(context);
            }

            if (c.LessEqual(a) && c.LessEqual(b))
            {
                c.LessEqual(a.Meet(b)).Should().BeTrue(context);
            }

            a.LessEqual(b).Should().Be(a.Join(b).Equals(b), context);

            // The minimum is below everything, and the sort order extends the partial order.
            T.Minimum.LessEqual(a).Should().BeTrue(context);
            if (a.LessEqual(b))
            {
                a.CompareTo(b).Should().BeLessThanOrEqualTo(0, context);
            }

            (a.CompareTo(b) == 0).Should().Be(a.Equals(b), context);
        }
    }
}
