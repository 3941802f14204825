using Traces.Benchmarks;

namespace Traces.Benchmarks.Tests;

[Trait("Part", "benchmarks")]
public sealed class RegistryTests
{
    [Fact]
    public void A_registered_part_joins_the_workloads_it_names_ahead_of_the_baselines()
    {
        var registry = new TraceRegistry()
            .Add("mine", () => new ThrowingTrace<long>(), () => new ThrowingTrace<string>())
            .Add("latency-only", () => new ThrowingTrace<long>(), workloads: TraceWorkloads.Latency)
            .AddNativeLookup("mine", (trace, keys) => keys.Length)
            .AddNativeMerge("mine", input => () => input.ExpectedOutput);
        var catalog = new SubjectCatalog(registry);

        catalog.Names<long>(TraceWorkloads.Insert).Should().Equal(["mine", .. SubjectNames.Baselines]);
        catalog.Names<string>(TraceWorkloads.Insert).Should().Equal(["mine", .. SubjectNames.Baselines]);
        catalog.Names<long>(TraceWorkloads.Lookup).Should().Equal(["mine", "mine-native", .. SubjectNames.Baselines]);
        catalog.Names<long>(TraceWorkloads.Merge).Should().Equal(["mine", "mine-merger", .. SubjectNames.Baselines]);
        catalog.Names<long>(TraceWorkloads.Latency).Should().Equal(["mine", "latency-only", .. SubjectNames.Baselines]);
        catalog.Create<long>("mine-native").LookupBatch([1, 2, 3]).Should().Be(3);
        catalog.FindNativeMerge("mine-merger")!(MergeInput.Create(10, compacting: true))().Should().Be(10);
        catalog.FindNativeMerge("mine").Should().BeNull();
    }

    [Fact]
    public void A_part_without_string_keys_stays_out_of_the_string_workloads()
    {
        var catalog = new SubjectCatalog(new TraceRegistry().Add("longs-only", () => new ThrowingTrace<long>()));

        catalog.Names<string>(TraceWorkloads.Insert).Should().Equal(SubjectNames.Baselines);
        var create = () => catalog.Create<string>("longs-only");
        create.Should().Throw<ArgumentException>().WithMessage("*no String-keyed factory*");
    }

    [Fact]
    public void Bad_registrations_get_argument_exceptions_and_change_nothing()
    {
        var registry = new TraceRegistry().Add("mine", () => new ThrowingTrace<long>());

        registry.Invoking(r => r.Add("mine", () => new ThrowingTrace<long>())).Should().Throw<ArgumentException>().WithMessage("*already registered*");
        registry.Invoking(r => r.Add(SubjectNames.Dictionary, () => new ThrowingTrace<long>())).Should().Throw<ArgumentException>();
        registry.Invoking(r => r.Add(" ", () => new ThrowingTrace<long>())).Should().Throw<ArgumentException>();
        registry.Invoking(r => r.Add("other", null!)).Should().Throw<ArgumentNullException>();
        registry.Invoking(r => r.AddNativeLookup("missing", (trace, keys) => 0)).Should().Throw<ArgumentException>().WithMessage("*No trace named 'missing'*");
        registry.Entries.Should().ContainSingle().Which.Name.Should().Be("mine");
    }

    [Fact]
    public void An_unknown_subject_gets_an_argument_exception()
    {
        var create = () => SubjectCatalog.Default.Create<long>("no-such-part");

        create.Should().Throw<ArgumentException>().WithMessage("No subject named 'no-such-part'*");
    }

    [Fact]
    public void The_series_registry_lists_the_landed_parts_with_both_key_types()
    {
        Parts.Registry.Entries.Should().Contain(entry => entry.Name == "part1" && entry.CreateString != null);
        Parts.Registry.Entries.Select(entry => entry.Name).Should().OnlyHaveUniqueItems();
    }
}
