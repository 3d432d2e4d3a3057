import { PASSWORD_MESSAGES, passwordProblem, personalWords } from "./password-policy";

const priya = { name: "Priya Shah", email: "priya.shah@pop.example.org" };

describe("the password policy", () => {
  it("accepts a long passphrase of unrelated words", () => {
    expect(passwordProblem("copper kettle walks sideways", priya)).toBeNull();
    expect(passwordProblem("Lantern-orbit-47-quince", priya)).toBeNull();
  });

  it("refuses fewer than 12 characters, however random", () => {
    expect(passwordProblem("x7#Qp!2vLm", priya)).toBe(PASSWORD_MESSAGES.tooShort);
  });

  it("refuses more than 200 characters", () => {
    expect(passwordProblem("long words ".repeat(20), priya)).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it.each(["password1234", "Password12345!", "qwertyuiop123", "123456789012", "iloveyou2026", "aaaaaaaaaaaa"])(
    "refuses the common or patterned %s",
    (password) => {
      expect(passwordProblem(password, priya)).toBe(PASSWORD_MESSAGES.guessable);
    },
  );

  it.each(["PriyaShah2026!", "priya.shah@pop", "shah-priya-1990", "Priya!Priya!Priya"])(
    "refuses %s, built from the person's own name or email",
    (password) => {
      expect(passwordProblem(password, priya)).toBe(PASSWORD_MESSAGES.personal);
    },
  );

  it("still allows a strong password that happens to contain a short name", () => {
    expect(passwordProblem("sam rivers", { name: "Sam Rivers" })).toBe(PASSWORD_MESSAGES.tooShort);
    expect(
      passwordProblem("samphire glacier tuesday owl", { name: "Sam Rivers", email: "sam.rivers@pop.example.org" }),
    ).toBeNull();
  });

  it("reads the words of a name and an email address", () => {
    expect(personalWords(priya)).toEqual(["priya", "shah", "priya.shah", "pop", "example"]);
  });
});
