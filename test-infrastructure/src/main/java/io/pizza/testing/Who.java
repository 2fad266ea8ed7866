package io.pizza.testing;

/** Who asks: nobody, or a {@link TestUser}. */
public enum Who {

	ANONYMOUS(null), CUSTOMER(TestUser.CUSTOMER), COURIER(TestUser.COURIER), OTHER_COURIER(TestUser.OTHER_COURIER),
	STAFF(TestUser.STAFF), ADMIN(TestUser.ADMIN);

	private final TestUser user;

	Who(TestUser user) {
		this.user = user;
	}

	/**
	 * The {@code Authorization} header this one sends.
	 * @return the header's value, {@code null} for nobody
	 */
	public String authorization() {
		return (this.user != null) ? this.user.basic() : null;
	}

}
