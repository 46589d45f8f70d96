@add-phone
Feature: Add a phone number
  From the guide "Strengthening Your Netflix Account Security":
  "After your password has been updated, go back to the page of settings. Now, click on the “Add phone number”
  button."
  "On the following page, you need to enter the phone number you want to add in the first field. Type the actual
  password in the second field. Place a tick below, if you wish to receive text messages from Netflix. Click on the
  “Save” button."

  The site keeps the number in international form, saves nothing without the account's password or with a number
  it cannot call, and shows the saved number partly hidden, with the choice about text messages.

  Rule: An account without a phone number offers "Add phone number"

    Background:
      Given I have an account with the profiles "Alex, Sam"
      And I have signed in
      And I have clicked on the profile "Alex"
      And I have opened "Your Account" from the pop-up menu

    @guide:phone.1 @guide:phone.2 @guide:phone.3 @guide:phone.4 @guide:phone.5
    Scenario: "Add phone number" asks for the phone number first, the password second and offers a tick box below
      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      Then the first field asks for the phone number, with the country "United States" chosen
      And the second field asks for my password
      And below them is a tick box to receive text messages
      And the page offers the "Save" and "Cancel" buttons

    @guide:phone.1 @guide:phone.2 @guide:phone.3 @guide:phone.4 @guide:phone.5 @guide-path
    Scenario: With a tick, the number is saved and text messages are on
      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      And I enter the phone number "+1 213 555 0123" in the first field
      And I type my password in the second field
      And I place a tick to receive text messages
      And I click on the "Save" button of the phone number page
      Then I am back in the settings of my account
      And the "MEMBERSHIP & BILLING" section shows my phone number as "+1 21• ••• ••23"
      And the "MEMBERSHIP & BILLING" section shows my choice "Text messages: On"
      And the "MEMBERSHIP & BILLING" section now offers the "Change phone number" button
      And the site keeps my phone number as "+12135550123" with text messages "On"

    @guide:phone.1 @guide:phone.2 @guide:phone.3 @guide:phone.4 @guide:phone.5
    Scenario: Without a tick, the number is saved and text messages are off
      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      And I enter the phone number "(213) 555-0123" in the first field
      And I type my password in the second field
      And I leave the tick box empty
      And I click on the "Save" button of the phone number page
      Then I am back in the settings of my account
      And the "MEMBERSHIP & BILLING" section shows my phone number as "+1 21• ••• ••23"
      And the "MEMBERSHIP & BILLING" section shows my choice "Text messages: Off"
      And the "MEMBERSHIP & BILLING" section now offers the "Change phone number" button
      And the site keeps my phone number as "+12135550123" with text messages "Off"

    # Two sign-ins: @slow gives it three times the usual time.
    @guide:phone.4 @slow
    Scenario Outline: The choice "<shown>" survives signing out and in again
      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      And I enter the phone number "213 555 0123" in the first field
      And I type my password in the second field
      And I <choose>
      And I click on the "Save" button of the phone number page
      And I am back in the settings of my account
      And I sign out
      And I have signed in
      And I have clicked on the profile "Alex"
      And I have opened "Your Account" from the pop-up menu
      Then the "MEMBERSHIP & BILLING" section shows my choice "<shown>"

      Examples:
        | choose                                | shown              |
        | place a tick to receive text messages | Text messages: On  |
        | leave the tick box empty              | Text messages: Off |

    @guide:phone.2 @guide:phone.5
    Scenario Outline: A number in <country> typed as "<typed>" is accepted and shown in international form
      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      And I choose the country "<country>"
      And I enter the phone number "<typed>" in the first field
      And I type my password in the second field
      And I leave the tick box empty
      And I click on the "Save" button of the phone number page
      Then I am back in the settings of my account
      And the "MEMBERSHIP & BILLING" section shows my phone number as "<shown>"
      And the site keeps my phone number as "<kept>" with text messages "Off"

      Examples:
        | country        | typed            | shown            | kept          |
        | United Kingdom | +44 20 7946 0123 | +44 20 •••• ••23 | +442079460123 |
        | United Kingdom | 020 7946 0123    | +44 20 •••• ••23 | +442079460123 |
        | Australia      | +61 491 570 156  | +61 49• ••• •56  | +61491570156  |

    @guide:phone.2 @guide:phone.5
    Scenario Outline: Nothing is saved when the phone number is <situation>
      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      And I choose the country "<country>"
      And I enter the phone number "<typed>" in the first field
      And I type my password in the second field
      And I place a tick to receive text messages
      And I click on the "Save" button of the phone number page
      Then the first field says "<message>"
      And no phone number was saved

      Examples:
        | situation                                     | country        | typed                            | message                                                                                      |
        | empty                                         | United States  |                                  | Please enter your phone number.                                                              |
        | letters                                       | United States  | abc                              | A phone number can only contain the digits 0–9, spaces and + - ( ) .                         |
        | too short                                     | United States  | 555                              | This phone number is too short for United States.                                            |
        | one digit short                               | United States  | 213 555 012                      | This phone number is too short for United States.                                            |
        | one digit long                                | United States  | 213 555 01234                    | This phone number is too long for United States.                                             |
        | 21 digits                                     | United States  | 123456789012345678901            | This phone number is too long.                                                               |
        | 251 characters                                | United States  | {251 digits}                     | This phone number is too long.                                                               |
        | an emoji                                      | United States  | 📞 213 555 0123                  | A phone number can only contain the digits 0–9, spaces and + - ( ) .                         |
        | a script tag                                  | United States  | <script>alert(1)</script>        | A phone number can only contain the digits 0–9, spaces and + - ( ) .                         |
        | SQL text around a number                      | United States  | 2133734253'; DROP TABLE users;-- | A phone number can only contain the digits 0–9, spaces and + - ( ) .                         |
        | a country code that does not exist            | United States  | +999 1234 5678                   | This number starts with a country code that does not exist.                                  |
        | in full-width digits                          | United States  | ＋１ ２１３ ５５５ ０１２３      | A phone number can only contain the digits 0–9, spaces and + - ( ) .                         |
        | a US number with United Kingdom chosen        | United Kingdom | 213 555 0123                     | Please enter a valid phone number for United Kingdom.                                        |
        | a US number with +1 and United Kingdom chosen | United Kingdom | +1 213 555 0123                  | This number has the country code +1, but United Kingdom is +44. Choose the number’s country. |
        | a fictional UK number                         | United Kingdom | +44 7700 900123                  | Please enter a valid phone number for United Kingdom.                                        |

    @gap @guide:phone.3 @guide:phone.5
    Scenario Outline: Nothing is saved when the password is <situation>
      Gap: the phone number page asks for the account's own password, and saves nothing without the right one.

      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      And I enter the phone number "+1 213 555 0123" in the first field
      And I type the password "<password>" in the second field
      And I place a tick to receive text messages
      And I click on the "Save" button of the phone number page
      Then the second field says "<message>"
      And no phone number was saved

      Examples:
        | situation                   | password              | message                               |
        | wrong                       | wrong-password-1      | Incorrect password. Please try again. |
        | empty                       |                       | Please enter your password.           |
        | the right one in other case | {my password in caps} | Incorrect password. Please try again. |

    @guide:phone.1
    Scenario: "Cancel" goes back to the settings and saves nothing
      When I click on the "Add phone number" button in "MEMBERSHIP & BILLING"
      And I enter the phone number "+1 213 555 0123" in the first field
      And I type my password in the second field
      And I click on the "Cancel" button of the phone number page
      Then I am back in the settings of my account
      And the "MEMBERSHIP & BILLING" section now offers the "Add phone number" button
      And no phone number was saved

  Rule: An account with a phone number offers "Change phone number", by the same rules

    Background:
      Given I have an account with the profiles "Alex, Sam" and the phone number "+12135550123" with text messages "Off"
      And I have signed in
      And I have clicked on the profile "Alex"
      And I have opened "Your Account" from the pop-up menu

    @guide:phone.4 @guide:phone.5
    Scenario: The settings show the number partly hidden, the choice about text messages and "Change phone number"
      Then the "MEMBERSHIP & BILLING" section shows my phone number as "+1 21• ••• ••23"
      And the "MEMBERSHIP & BILLING" section shows my choice "Text messages: Off"
      And the "MEMBERSHIP & BILLING" section now offers the "Change phone number" button

    @guide:phone.2 @guide:phone.3 @guide:phone.4 @guide:phone.5
    Scenario: A new number and choice replace the old ones once the password is given
      When I click on the "Change phone number" button in "MEMBERSHIP & BILLING"
      And I choose the country "Australia"
      And I enter the phone number "0491 570 156" in the first field
      And I type my password in the second field
      And I place a tick to receive text messages
      And I click on the "Save" button of the phone number page
      Then I am back in the settings of my account
      And the "MEMBERSHIP & BILLING" section shows my phone number as "+61 49• ••• •56"
      And the "MEMBERSHIP & BILLING" section shows my choice "Text messages: On"
      And the site keeps my phone number as "+61491570156" with text messages "On"

    @guide:phone.2 @guide:phone.3 @guide:phone.5
    Scenario Outline: The old number stays when the change is refused: <situation>
      When I click on the "Change phone number" button in "MEMBERSHIP & BILLING"
      And I enter the phone number "<typed>" in the first field
      And I type the password "<password>" in the second field
      And I place a tick to receive text messages
      And I click on the "Save" button of the phone number page
      Then the <which> field says "<message>"
      And the site keeps my phone number as "+12135550123" with text messages "Off"

      Examples:
        | situation         | typed          | password         | which  | message                                           |
        | a wrong password  | (213) 555-0124 | wrong-password-1 | second | Incorrect password. Please try again.             |
        | an invalid number | 555            | {my password}    | first  | This phone number is too short for United States. |
