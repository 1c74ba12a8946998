package dev.encore.engine.intake;

class InMemoryAliasesTest extends AliasesContract {

	private final InMemoryAliases aliases = new InMemoryAliases();

	@Override
	Aliases aliases() {
		return this.aliases;
	}

}
